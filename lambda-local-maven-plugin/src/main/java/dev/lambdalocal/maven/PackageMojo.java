package dev.lambdalocal.maven;

import dev.lambdalocal.packaging.FunctionPackage;
import dev.lambdalocal.packaging.PackagingException;
import dev.lambdalocal.packaging.SecretFinding;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Build the project's Lambda deployment package: its classes and resources at the root, its runtime
 * dependencies (compile and runtime scope; not provided, test or system) under {@code lib/},
 * reproducible, and refused if an entry looks like a secret. aws-lambda-java-core is left out
 * unless {@link #includeLambdaCore}: Lambda's runtime provides it and loads its own copy first.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "package",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class PackageMojo extends AbstractMojo {

  private static final String LAMBDA_CORE = "com.amazonaws:aws-lambda-java-core";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The directory whose files go to the package's root. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  private File classesDirectory;

  /** The package written. */
  @Parameter(
      property = "lambda-local.package.outputFile",
      defaultValue = "${project.build.directory}/${project.build.finalName}.zip",
      required = true)
  private File outputFile;

  /** Entries (or globs over entry names) that look like secrets but must ship. */
  @Parameter private List<String> allowSecrets = new ArrayList<>();

  /** Package aws-lambda-java-core too (the runtime's own copy is loaded first in Lambda). */
  @Parameter(property = "lambda-local.package.includeLambdaCore", defaultValue = "false")
  private boolean includeLambdaCore;

  /**
   * The time of every entry: Maven's reproducible-build property (ISO-8601 or seconds since the
   * epoch); 1980-01-01T00:00:00Z when unset.
   */
  @Parameter(defaultValue = "${project.build.outputTimestamp}")
  private String outputTimestamp;

  /** Skip the goal. */
  @Parameter(property = "lambda-local.package.skip", defaultValue = "false")
  private boolean skip;

  /** Create the goal; Maven sets its parameters. */
  public PackageMojo() {}

  /** Write the package. */
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping lambda-local:package");
      return;
    }
    List<Path> dependencies = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
      if (!artifact.getArtifactHandler().isAddedToClasspath() || artifact.getFile() == null) {
        continue;
      }
      if (!Artifact.SCOPE_COMPILE.equals(artifact.getScope())
          && !Artifact.SCOPE_RUNTIME.equals(artifact.getScope())) {
        continue;
      }
      if (key.equals(LAMBDA_CORE) && !includeLambdaCore) {
        getLog().info("Leaving out " + key + ": Lambda's Java runtime provides it");
        continue;
      }
      dependencies.add(artifact.getFile().toPath());
    }
    FunctionPackage.Builder builder =
        FunctionPackage.builder()
            .classes(classesDirectory.toPath())
            .dependencies(dependencies)
            .output(outputFile.toPath());
    allowSecrets.forEach(builder::allowSecret);
    Instant timestamp = timestamp(outputTimestamp);
    if (timestamp != null) {
      builder.timestamp(timestamp);
    }
    try {
      FunctionPackage written = builder.build();
      for (SecretFinding allowed : written.allowedSecrets()) {
        getLog().warn(allowed.allowedMessage("<allowSecrets>"));
      }
      getLog()
          .info(
              "Lambda package "
                  + written.zip()
                  + ": "
                  + written.entries().size()
                  + " entries, "
                  + dependencies.size()
                  + " dependencies");
    } catch (PackagingException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  private static Instant timestamp(String value) throws MojoExecutionException {
    if (value == null || value.isBlank() || value.length() == 1) {
      // Maven's convention: a single character (often "X") means "not reproducible"; keep 1980.
      return null;
    }
    try {
      return value.chars().allMatch(Character::isDigit)
          ? Instant.ofEpochSecond(Long.parseLong(value))
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new MojoExecutionException(
          "project.build.outputTimestamp is neither ISO-8601 nor epoch seconds: " + value, e);
    }
  }
}
