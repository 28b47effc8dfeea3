package dev.lambdalocal.cli;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.internal.invoke.ClassPathEntries;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses a {@code --classpath} option as {@code java -cp} does; shared by the commands. */
public final class Classpaths {

  private Classpaths() {}

  /**
   * Split a class path at the platform's path separator, expanding {@code dir/*} to its JARs.
   *
   * @param classpath directories and JARs, e.g. {@code target/classes:target/lib/*}
   * @return the entries, each of which exists
   * @throws LambdaConfigurationException naming the entry that does not exist, cannot be read or is
   *     not a path
   */
  public static List<Path> parse(String classpath) {
    List<Path> entries = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.equals("*") || entry.endsWith(File.separator + "*") || entry.endsWith("/*")) {
        entries.addAll(jars(entry));
        continue;
      }
      Path path;
      try {
        path = Path.of(entry);
      } catch (InvalidPathException e) {
        throw new LambdaConfigurationException("--classpath: invalid path: " + entry, e);
      }
      if (!Files.exists(path)) {
        throw new LambdaConfigurationException("--classpath: no such file or directory: " + entry);
      }
      entries.add(checked(path, entry));
    }
    return entries;
  }

  private static List<Path> jars(String entry) {
    Path directory = Path.of(entry.substring(0, entry.length() - 1) + ".");
    if (!Files.isDirectory(directory)) {
      throw new LambdaConfigurationException("--classpath: no such directory: " + entry);
    }
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, "*.{jar,JAR}")) {
      jars.forEach(found::add);
    } catch (IOException e) {
      throw new UncheckedIOException("--classpath: cannot list " + entry + ": " + e, e);
    }
    found.sort(null);
    for (Path jar : found) {
      checked(jar, jar.normalize().toString());
    }
    return found;
  }

  /** Refuse an entry that cannot be read, as a missing one is refused (java -cp skips it). */
  private static Path checked(Path path, String entry) {
    String problem = ClassPathEntries.problem(path);
    if (problem != null) {
      throw new LambdaConfigurationException("--classpath: cannot use " + entry + ": " + problem);
    }
    return path;
  }
}
