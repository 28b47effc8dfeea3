package dev.lambdalocal.core.internal.cli;

import dev.lambdalocal.core.LambdaConfigurationException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code lambda-local} command line: {@code lambda-local run --handler … --event …} invokes a
 * handler once, as the Lambda Invoke API would, and prints the response payload. Other modules add
 * subcommands through {@link CliCommandProvider} (lambda-local-cognito-mock: {@code serve} and
 * {@code connect}) when they are on the class path.
 *
 * <p>Exit status: {@value #SUCCESS} on success, {@value #FUNCTION_ERROR} on a function error or
 * timeout (for {@code connect}: an HTTP status other than 2xx), {@value #USAGE_ERROR} on a usage or
 * configuration error, which is reported on standard error in one line and never with a stack
 * trace.
 */
@Command(
    name = "lambda-local",
    mixinStandardHelpOptions = true,
    versionProvider = LambdaLocalCli.Version.class,
    description = "Run AWS Lambda Java handlers locally, in-process, as the AWS Java runtime does.",
    subcommands = {RunCommand.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success",
      "1:function error or timeout (connect: an HTTP status other than 2xx)",
      "2:usage or configuration error"
    })
public final class LambdaLocalCli implements Callable<Integer> {

  /** The exit status of a successful invocation. */
  public static final int SUCCESS = 0;

  /** The exit status of an invocation that ended in a function error or a timeout. */
  public static final int FUNCTION_ERROR = 1;

  /** The exit status of a usage or configuration error: nothing was invoked. */
  public static final int USAGE_ERROR = 2;

  @Spec private CommandSpec spec;

  private LambdaLocalCli() {}

  /**
   * Run the command line and exit with its status.
   *
   * @param args the arguments, e.g. {@code run --handler example.ExampleFunc --event test.json}
   */
  public static void main(String[] args) {
    // Taken before anything runs: invocations replace System.out and System.err with streams
    // that route a function's output to its log.
    PrintStream out = System.out;
    PrintStream err = System.err;
    int status = commandLine(System.in, out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Create the command line over the given streams; {@link CommandLine#execute(String...)} runs it
   * and returns the exit status without exiting.
   *
   * @param in where {@code --event -} reads the event
   * @param out where the response payload (and help) is written, byte for byte
   * @param err where errors and, unless {@code --quiet}, the function's logs are written
   * @return the command line
   */
  public static CommandLine commandLine(InputStream in, OutputStream out, PrintStream err) {
    CommandLine commandLine =
        new CommandLine(
            new LambdaLocalCli(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) {
                  return type.cast(new RunCommand(in, out, err));
                }
                return CommandLine.defaultFactory().create(type);
              }
            });
    for (CliCommandProvider provider :
        ServiceLoader.load(CliCommandProvider.class, LambdaLocalCli.class.getClassLoader())) {
      commandLine.addSubcommand(provider.command(in, out, err));
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

  /** Report the version from the JAR's manifest; subcommands of other modules use it too. */
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
