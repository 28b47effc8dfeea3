package dev.lambdalocal.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lambda-local secrets}: the group of {@code import}. */
@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    versionProvider = LambdaLocalCli.Version.class,
    description = "Move secrets off env.py: 'secrets import FILE' (see docs/secrets.md).")
final class SecretsCommand implements Runnable {

  @Spec CommandSpec spec;

  /** Return the group with its subcommands, over these streams. */
  static CommandLine commandLine(OutputStream out, PrintStream err) {
    CommandLine group = new CommandLine(new SecretsCommand());
    group.addSubcommand("import", new SecretsImportCommand(out, err));
    return group;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand: import");
  }
}
