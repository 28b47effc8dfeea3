package dev.lambdalocal.core.internal.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.lambdalocal.core.LambdaConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentFilesTests {

  @TempDir Path directory;

  @Test
  void theFunctionsOwnSectionWinsOverParametersAndOtherFunctionsAreIgnored() throws IOException {
    Path file =
        write(
            "{",
            "  \"OrderFunction\": {\"TABLE\": \"orders-local\", \"DEBUG\": \"1\"},",
            "  \"Parameters\": {\"TABLE\": \"orders\", \"STAGE\": \"test\"},",
            "  \"OtherFunction\": {\"TABLE\": \"other\", \"ONLY_OTHER\": \"x\", \"BAD\": null}",
            "}");

    assertThat(EnvironmentFiles.read(file, "OrderFunction"))
        .containsExactly(
            entry("TABLE", "orders-local"), entry("STAGE", "test"), entry("DEBUG", "1"));
    assertThat(EnvironmentFiles.read(file, "ThirdFunction"))
        .containsExactly(entry("TABLE", "orders"), entry("STAGE", "test"));
    assertThat(EnvironmentFiles.read(file, null))
        .containsExactly(entry("TABLE", "orders"), entry("STAGE", "test"));
  }

  @Test
  void numbersAndBooleansAreTakenAsTheirJsonText() throws IOException {
    Path file =
        write(
            "{\"Parameters\": {",
            "  \"INT\": 42, \"NEGATIVE\": -7, \"DECIMAL\": 1.50, \"EXPONENT\": 1e3,",
            "  \"HUGE\": 123456789012345678901234567890,",
            "  \"YES\": true, \"NO\": false, \"SPACED\": \"  a b  \", \"EMPTY\": \"\"",
            "}}");

    assertThat(EnvironmentFiles.read(file, "Any"))
        .containsExactly(
            entry("INT", "42"),
            entry("NEGATIVE", "-7"),
            entry("DECIMAL", "1.50"),
            entry("EXPONENT", "1e3"),
            entry("HUGE", "123456789012345678901234567890"),
            entry("YES", "true"),
            entry("NO", "false"),
            entry("SPACED", "  a b  "),
            entry("EMPTY", ""));
  }

  @Test
  void theResultIsUnmodifiable() throws IOException {
    Map<String, String> variables = EnvironmentFiles.read(write("{\"Parameters\": {}}"), "Any");

    assertThatThrownBy(() -> variables.put("A", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "null         | null",
        "{\"a\": 1}   | an object",
        "[\"a\", \"b\"] | an array",
      })
  void aValueThatIsNotAStringNumberOrBooleanIsRejectedWithItsPlace(String json, String kind)
      throws IOException {
    Path file =
        write(
            "{", //
            "  \"Parameters\": {",
            "    \"GOOD\": \"x\",",
            "    \"BAD\": " + json.strip(),
            "  }",
            "}");

    assertThatThrownBy(() -> EnvironmentFiles.read(file, "Any"))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage(
            file
                + ": line 4, column 12: the value of \"BAD\" in \"Parameters\" is "
                + kind
                + "; environment variable values must be strings, numbers or booleans");
  }

  @Test
  void aBadValueInTheFunctionsOwnSectionIsRejectedToo() throws IOException {
    Path file = write("{\"Parameters\": {}, \"Fn\": {\"LIST\": []}}");

    assertThatThrownBy(() -> EnvironmentFiles.read(file, "Fn"))
        .hasMessage(
            file
                + ": line 1, column 35: the value of \"LIST\" in \"Fn\" is an array;"
                + " environment variable values must be strings, numbers or booleans");
  }

  @Test
  void malformedJsonIsReportedWithLineAndColumn() throws IOException {
    Path file =
        write(
            "{", //
            "  \"Parameters\": {",
            "    \"A\": \"x\",",
            "  }",
            "}");

    assertThatThrownBy(() -> EnvironmentFiles.read(file, "Any"))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessageStartingWith(file + ": line 4, column 3: Unexpected character ('}'")
        .hasMessageContaining("was expecting double-quote to start field name");
  }

  @Test
  void aTruncatedFileNamesWhereTheOpenObjectStarted() throws IOException {
    Path file = write("{\"Parameters\": {\"A\": \"1\"");

    assertThatThrownBy(() -> EnvironmentFiles.read(file, "Any"))
        .hasMessage(
            file
                + ": line 1, column 25: Unexpected end-of-input: expected close marker for Object"
                + " (start marker at line 1, column 16)");
  }

  @Test
  void aFileThatIsNotAnObjectIsRejected() throws IOException {
    Path array = write("[\"Parameters\"]");
    Path empty = write("");
    Path section = write("{\"Parameters\": \"A=b\"}");

    assertThatThrownBy(() -> EnvironmentFiles.read(array, "Any"))
        .hasMessage(
            array
                + ": line 1, column 1: expected an object such as {\"Parameters\": {...}},"
                + " found an array");
    assertThatThrownBy(() -> EnvironmentFiles.read(empty, "Any"))
        .hasMessageStartingWith(empty + ": ")
        .hasMessageContaining("the file is empty");
    assertThatThrownBy(() -> EnvironmentFiles.read(section, "Any"))
        .hasMessage(
            section
                + ": line 1, column 16: \"Parameters\" must be an object of variable names to"
                + " values, found a string");
  }

  @Test
  void duplicateNamesAndTrailingContentAreRejected() throws IOException {
    Path duplicate = write("{\"Parameters\": {\"A\": \"1\",", " \"A\": \"2\"}}");
    Path trailing = write("{\"Parameters\": {}}", "{}");

    assertThatThrownBy(() -> EnvironmentFiles.read(duplicate, "Any"))
        .hasMessageStartingWith(duplicate + ": line 2, column ")
        .hasMessageContaining("Duplicate field 'A'");
    assertThatThrownBy(() -> EnvironmentFiles.read(trailing, "Any"))
        .hasMessage(
            trailing + ": line 2, column 1: more JSON after the end of the object: an object");
  }

  @Test
  void aByteOrderMarkIsSkipped() throws IOException {
    Path file = directory.resolve("bom.json");
    Files.write(file, ("\uFEFF{\"Parameters\": {\"A\": \"1\"}}").getBytes(StandardCharsets.UTF_8));

    assertThat(EnvironmentFiles.read(file, "Any")).containsExactly(entry("A", "1"));
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = directory.resolve("no-such-env.json");

    assertThatThrownBy(() -> EnvironmentFiles.read(missing, "Any"))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage(
            missing + ": environment variables file not found (" + missing.toAbsolutePath() + ")");
  }

  private Path write(String... lines) throws IOException {
    Path file = Files.createTempFile(directory, "env", ".json");
    return Files.writeString(file, String.join("\n", lines));
  }
}
