package dev.lambdalocal.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds picocli command specifications in code for the commands a one-shot process runs ({@code
 * lambda-local} itself and {@code run}): picocli reads annotations through reflection and dynamic
 * proxies that no class-data-sharing archive can hold, which cost a one-shot {@code run} tens of
 * milliseconds (docs/performance.md). {@code serve} and {@code connect}, which run for a while,
 * keep their annotations.
 */
final class Specs {

  private Specs() {}

  /**
   * Return the specification of {@code command}, run by picocli as a {@code Callable}, with the
   * version of {@code lambda-local} and the heading of the exit status list.
   */
  static CommandSpec command(Object command, String name, String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
    spec.versionProvider(new LambdaLocalCli.Version());
    spec.usageMessage().description(description).exitCodeListHeading("%nExit status:%n");
    return spec;
  }

  /**
   * Add the standard {@code -h/--help} and {@code -V/--version} options, after the command's own as
   * picocli lists them, with the texts of picocli's {@code mixinStandardHelpOptions} (which is
   * built from annotations).
   */
  static void addStandardHelpOptions(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
  }

  /** Return an exit status list for {@code usageMessage().exitCodeList}: status, meaning, … */
  static Map<String, String> exitCodes(String... statusAndMeaning) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (int i = 0; i < statusAndMeaning.length; i += 2) {
      codes.put(statusAndMeaning[i], statusAndMeaning[i + 1]);
    }
    return codes;
  }
}
