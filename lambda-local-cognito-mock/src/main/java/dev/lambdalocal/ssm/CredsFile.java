package dev.lambdalocal.ssm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An old-style credentials file, one {@code KEY=value} a line (the old framework's {@code
 * ${ENV}_creds}, a {@code .env} file): blank lines and {@code #} comments are skipped, a leading
 * {@code export } is allowed, and a value in matching single or double quotes loses them.
 *
 * @param path the file
 * @param variables the keys and values, in the file's order
 * @since 0.1.0
 */
public record CredsFile(Path path, Map<String, String> variables) {

  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  /** Create the record; the variables are copied. */
  public CredsFile {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /**
   * Read a file.
   *
   * @param path the file
   * @return its variables
   * @throws IllegalArgumentException naming the file and line of a line that is not {@code
   *     KEY=value}, or a key given twice
   * @throws UncheckedIOException when the file cannot be read
   */
  public static CredsFile read(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          path + ": file not found (" + path.toAbsolutePath() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot be read", e);
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      String key = equals < 0 ? line : line.substring(0, equals).strip();
      if (equals < 0 || !KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            path + ":" + (i + 1) + ": expected KEY=value, got: " + lines.get(i).strip());
      }
      String value = line.substring(equals + 1).strip();
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"")
              || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      if (variables.put(key, value) != null) {
        throw new IllegalArgumentException(path + ":" + (i + 1) + ": " + key + " is given twice");
      }
    }
    return new CredsFile(path, variables);
  }

  /**
   * Return the Parameter Store name of each key under {@code prefix}: {@code /app/dev/} and {@code
   * DB_PASSWORD} give {@code /app/dev/DB_PASSWORD}.
   *
   * @param prefix the path, {@code /} for none; a missing trailing slash is added
   * @return parameter names to values, in the file's order
   */
  public Map<String, String> parameters(String prefix) {
    String path = prefix.endsWith("/") ? prefix : prefix + "/";
    Map<String, String> parameters = new LinkedHashMap<>();
    variables.forEach((key, value) -> parameters.put(path + key, value));
    return parameters;
  }
}
