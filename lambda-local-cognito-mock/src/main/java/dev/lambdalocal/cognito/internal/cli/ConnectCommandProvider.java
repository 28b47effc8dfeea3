package dev.lambdalocal.cognito.internal.cli;

import dev.lambdalocal.core.internal.cli.CliCommandProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Adds {@code connect} to the {@code lambda-local} command line (see {@code META-INF/services}).
 */
public final class ConnectCommandProvider implements CliCommandProvider {

  /** Create the provider; {@link java.util.ServiceLoader} calls it. */
  public ConnectCommandProvider() {}

  @Override
  public Object command(InputStream in, OutputStream out, PrintStream err) {
    return new ConnectCommand(out, err);
  }
}
