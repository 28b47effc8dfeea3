package dev.lambdalocal.cli;

import dev.lambdalocal.packaging.FunctionPackage;
import dev.lambdalocal.packaging.PackagingException;
import dev.lambdalocal.packaging.SecretFinding;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code package} command, the old framework's {@code make dist/<f>.zip}: a Lambda deployment
 * ZIP from compiled classes and the runtime dependency JARs given to it ({@code --lib}, or {@code
 * --classpath} as {@code mvn dependency:build-classpath -Dmdep.includeScope=runtime} prints it).
 * The command does not run Maven itself: the Maven plugin's goal is the way from a POM.
 */
@Command(
    name = "package",
    mixinStandardHelpOptions = true,
    versionProvider = LambdaLocalCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Build a Lambda deployment ZIP: the classes directory at the root, dependency JARs under"
          + " lib/, the same bytes for the same inputs.",
      "Entries that look like secrets (.env, env.py, private keys, PKCS#12, AWS credentials) are"
          + " refused, each named, unless allowed with --allow-secret.",
      "Runtime dependencies of a Maven project: --classpath \"$(mvn -q dependency:build-classpath"
          + " -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)\"."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the package was written", "2:usage error, or the package was refused"})
final class PackageCommand implements Callable<Integer> {

  private static final String LAMBDA_CORE_JAR = "aws-lambda-java-core-";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--classes",
      paramLabel = "<dir>",
      defaultValue = "target/classes",
      description = "The compiled classes and resources (default: ${DEFAULT-VALUE}).")
  Path classes;

  @Option(
      names = "--lib",
      paramLabel = "<jar>",
      description = "A dependency JAR, put under lib/; repeatable.")
  List<Path> libs = new ArrayList<>();

  @Option(
      names = "--classpath",
      paramLabel = "<cp>",
      description =
          "Dependency JARs separated by the path separator (e.g. Maven's runtime class path);"
              + " directories are refused.")
  String classpath;

  @Option(
      names = {"--output", "-o"},
      required = true,
      paramLabel = "<zip>",
      description = "The package to write, e.g. target/my-function.zip.")
  Path output;

  @Option(
      names = "--allow-secret",
      paramLabel = "<entry|glob>",
      description = "Ship an entry that looks like a secret (its name as reported, or a glob).")
  List<String> allowSecrets = new ArrayList<>();

  @Option(
      names = "--include-lambda-core",
      description =
          "Package aws-lambda-java-core too (left out by default: Lambda's runtime provides it and"
              + " loads its own copy first).")
  boolean includeLambdaCore;

  @Option(
      names = "--timestamp",
      paramLabel = "<instant>",
      description = "The time of every entry, e.g. 2026-01-01T00:00:00Z (default 1980-01-01).")
  String timestamp;

  private final PrintStream out;
  private final PrintStream err;

  PackageCommand(OutputStream out, PrintStream err) {
    this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    this.err = err;
  }

  @Override
  public Integer call() {
    List<Path> jars = new ArrayList<>(libs);
    if (classpath != null) {
      for (Path entry : Classpaths.parse(classpath)) {
        if (Files.isDirectory(entry)) {
          throw new ParameterException(
              spec.commandLine(),
              "--classpath: "
                  + entry
                  + " is a directory; package another module as a JAR and give that");
        }
        jars.add(entry);
      }
    }
    if (!includeLambdaCore) {
      jars.removeIf(
          jar -> {
            boolean core = jar.getFileName().toString().startsWith(LAMBDA_CORE_JAR);
            if (core) {
              err.println(
                  "Leaving out " + jar.getFileName() + ": Lambda's Java runtime provides it");
            }
            return core;
          });
    }
    FunctionPackage.Builder builder =
        FunctionPackage.builder().classes(classes).dependencies(jars).output(output);
    allowSecrets.forEach(builder::allowSecret);
    if (timestamp != null) {
      try {
        builder.timestamp(Instant.parse(timestamp));
      } catch (DateTimeParseException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--timestamp: not an instant like 2026-01-01T00:00:00Z: " + timestamp);
      }
    }
    FunctionPackage written;
    try {
      written = builder.build();
    } catch (PackagingException e) {
      err.println("package: " + e.getMessage());
      return LambdaLocalCli.USAGE_ERROR;
    }
    for (SecretFinding allowed : written.allowedSecrets()) {
      err.println(allowed.allowedMessage("--allow-secret"));
    }
    out.println(written.zip() + " (" + written.entries().size() + " entries)");
    return LambdaLocalCli.SUCCESS;
  }
}
