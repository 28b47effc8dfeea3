package dev.lambdalocal.cli;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.LocalLambda;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code lambda-local} command line: {@code lambda-local run --handler … --event …} invokes a
 * handler once, as the Lambda Invoke API would, and prints the response payload; {@code serve}
 * serves an API with an offline Cognito; {@code connect} calls it as a Cognito identity; {@code
 * package} writes a function's deployment ZIP.
 *
 * <p>Only the subcommand being run is built: picocli reads a command's annotations when it is
 * added, and a one-shot {@code run} should not pay for {@code serve}'s; {@code lambda-local} and
 * {@code run} themselves are specified in code ({@link Specs}; see docs/performance.md). The
 * command line is complete (every subcommand) for {@code --help}, for no arguments and for an
 * unknown subcommand, so that its help and errors list them all.
 *
 * <p>Exit status: {@value #SUCCESS} on success, {@value #FUNCTION_ERROR} on a function error or
 * timeout (for {@code connect}: an HTTP status other than 2xx), {@value #USAGE_ERROR} on a usage or
 * configuration error, which is reported on standard error in one line and never with a stack
 * trace.
 */
public final class LambdaLocalCli implements Callable<Integer> {

  /** The exit status of a successful invocation. */
  public static final int SUCCESS = 0;

  /** The exit status of an invocation that ended in a function error or a timeout. */
  public static final int FUNCTION_ERROR = 1;

  /** The exit status of a usage or configuration error: nothing was invoked. */
  public static final int USAGE_ERROR = 2;

  private final CommandSpec spec =
      Specs.command(
          this,
          "lambda-local",
          "Run AWS Lambda Java handlers locally, in-process, as the AWS Java runtime does.");

  private LambdaLocalCli() {
    spec.usageMessage()
        .exitCodeList(
            Specs.exitCodes(
                "0",
                "success",
                "1",
                "function error or timeout (connect: an HTTP status other than 2xx)",
                "2",
                "usage or configuration error"));
    Specs.addStandardHelpOptions(spec);
  }

  /**
   * Run the command line and exit with its status.
   *
   * @param args the arguments, e.g. {@code run --handler example.ExampleFunc --event test.json}
   */
  public static void main(String[] args) {
    // WireMock (inside serve) logs through SLF4J, which would otherwise warn on every start that
    // the executable JAR has no logging backend.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    if (args.length > 0 && (args[0].equals("run") || args[0].equals("serve"))) {
      // The runtime's serializers initialize on the other core while picocli parses the command.
      LocalLambda.preload();
    }
    // Taken before anything runs: invocations replace System.out and System.err with streams
    // that route a function's output to its log.
    PrintStream out = standardOutput();
    PrintStream err = System.err;
    int status = commandLine(System.in, out, err, args).execute(args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Return where the command's own output goes: standard output, or, when the launcher passes the
   * original standard output as another descriptor ({@value #STDOUT_FD}, with the JVM's descriptor
   * 1 on standard error), that descriptor, so that nothing a function writes straight to descriptor
   * 1 reaches the payload.
   */
  private static PrintStream standardOutput() {
    String fd = System.getenv(STDOUT_FD);
    if (fd != null && fd.matches("[1-9][0-9]?") && Files.isWritable(Path.of("/dev/fd/" + fd))) {
      try {
        // Appending: a reopened file (stdout redirected with > or >>) is written at its end.
        return new PrintStream(new FileOutputStream("/dev/fd/" + fd, true), true);
      } catch (FileNotFoundException unusable) {
        // Not a file, pipe or terminal (a socket, say): standard output as without the launcher.
      }
    }
    return System.out;
  }

  /** The variable naming the descriptor of the original standard output (see the launcher). */
  static final String STDOUT_FD = "LAMBDA_LOCAL_STDOUT_FD";

  /**
   * Create the command line over the given streams, with every subcommand; {@link
   * CommandLine#execute(String...)} runs it and returns the exit status without exiting.
   *
   * @param in where {@code --event -} reads the event
   * @param out where the response payload (and help) is written, byte for byte
   * @param err where errors and, unless {@code --quiet}, the function's logs are written
   * @return the command line
   */
  public static CommandLine commandLine(InputStream in, OutputStream out, PrintStream err) {
    return commandLine(in, out, err, new String[0]);
  }

  /**
   * Create the command line over the given streams for these arguments: when the first names a
   * subcommand, with that subcommand only.
   */
  static CommandLine commandLine(
      InputStream in, OutputStream out, PrintStream err, String... arguments) {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("run", () -> new RunCommand(in, out, err).spec());
    commands.put("serve", () -> new ServeCommand(out, err));
    commands.put("connect", () -> new ConnectCommand(out, err));
    commands.put("package", () -> new PackageCommand(out, err));
    commands.put("deploy", () -> new DeployCommand(out, err));
    commands.put("secrets", () -> SecretsCommand.commandLine(out, err));
    CommandLine commandLine = new CommandLine(new LambdaLocalCli().spec);
    Supplier<Object> only = arguments.length > 0 ? commands.get(arguments[0]) : null;
    if (only != null) {
      commandLine.addSubcommand(arguments[0], only.get());
    } else {
      commands.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
    }
    commandLine.setExpandAtFiles(false);
    commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    commandLine.setParameterExceptionHandler(
        (exception, args) -> {
          String command = exception.getCommandLine().getCommandSpec().qualifiedName();
          err.println(
              command + ": " + oneLine(exception.getMessage()) + " (see '" + command + " --help')");
          err.flush();
          return USAGE_ERROR;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          String command = failed.getCommandSpec().qualifiedName();
          String message =
              exception instanceof LambdaConfigurationException
                  ? exception.getMessage()
                  : "unexpected error: " + exception;
          err.println(command + ": " + oneLine(message));
          err.flush();
          return USAGE_ERROR;
        });
    return commandLine;
  }

  /** Report that a subcommand is needed. */
  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing required subcommand: "
            + String.join(", ", spec.commandLine().getSubcommands().keySet()));
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** Report the version from the executable JAR's manifest; every subcommand uses it. */
  public static final class Version implements CommandLine.IVersionProvider {
    /** Create the provider; picocli calls it. */
    public Version() {}

    @Override
    public String[] getVersion() {
      String version = LambdaLocalCli.class.getPackage().getImplementationVersion();
      return new String[] {"lambda-local " + (version != null ? version : "(development build)")};
    }
  }
}
