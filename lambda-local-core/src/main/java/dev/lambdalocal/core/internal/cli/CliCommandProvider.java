package dev.lambdalocal.core.internal.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Adds a subcommand to the {@code lambda-local} command line from another module, found with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/}{@code
 * dev.lambdalocal.core.internal.cli.CliCommandProvider}), so that core depends on no module that
 * brings a command (lambda-local-cognito-mock brings {@code serve} and {@code connect}).
 *
 * <p>The command reports a usage or configuration error by throwing {@link
 * dev.lambdalocal.core.LambdaConfigurationException}: the command line prints its message in one
 * line and exits with {@link LambdaLocalCli#USAGE_ERROR}. Its {@code call()} returns the exit
 * status otherwise.
 */
public interface CliCommandProvider {

  /**
   * Create the command over the command line's streams.
   *
   * @param in the command line's standard input
   * @param out where the command writes its results (and picocli its help)
   * @param err where the command writes its diagnostics
   * @return a picocli command: an object whose class is annotated {@code @Command(name = …)}
   */
  Object command(InputStream in, OutputStream out, PrintStream err);
}
