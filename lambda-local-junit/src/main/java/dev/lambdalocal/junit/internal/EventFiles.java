package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.Events;
import dev.lambdalocal.core.LambdaConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds event files — class path resources (in directories or JARs) or files — reads them with
 * lambda-local's checks and placeholders, and turns them into objects with the Lambda runtime's
 * serializer.
 *
 * <p>A location is looked up as a class path resource first, then as a path relative to the working
 * directory, unless it starts with {@code classpath:} or {@code file:}. Errors are {@link
 * LambdaConfigurationException}s whose message starts with the location.
 *
 * @since 0.1.0
 */
public final class EventFiles {

  private static final String CLASSPATH = "classpath:";
  private static final String FILE = "file:";

  private EventFiles() {}

  /**
   * An event file found in a folder.
   *
   * @param name its path relative to the folder, with {@code /} separators: the display name
   * @param location where it is, as {@link #read} takes it
   */
  public record Found(String name, String location) {}

  /**
   * Read an event, replacing its placeholders.
   *
   * @param location a class path resource or file, optionally prefixed
   * @param loader the class loader of resources
   * @param placeholders placeholder values by name
   * @return the JSON text
   */
  public static String read(String location, ClassLoader loader, Map<String, String> placeholders) {
    if (!location.startsWith(FILE)) {
      String resource = resourceName(location);
      if (loader.getResource(resource) != null) {
        return Events.readResource(resource, loader, placeholders);
      }
      if (location.startsWith(CLASSPATH)) {
        throw new LambdaConfigurationException(resource + ": no such class path resource");
      }
    }
    Path file = Path.of(filePath(location));
    if (!location.startsWith(FILE) && !Files.isRegularFile(file)) {
      throw new LambdaConfigurationException(
          location
              + ": no such class path resource or file (looked for "
              + file.toAbsolutePath()
              + ")");
    }
    return Events.readJson(file, placeholders);
  }

  /**
   * List the files of a folder, sorted by their path relative to it.
   *
   * @param folder a class path folder or directory, optionally prefixed
   * @param recursive whether to include the files of sub-folders
   * @param suffix the ending of the names of the files to include; empty for all
   * @param loader the class loader of resources
   * @return the files; hidden ones (whose name starts with a dot) are left out
   */
  public static List<Found> list(
      String folder, boolean recursive, String suffix, ClassLoader loader) {
    TreeMap<String, String> found = new TreeMap<>();
    boolean exists = false;
    if (!folder.startsWith(FILE)) {
      String resource = trimSlashes(resourceName(folder));
      for (URL root : resources(resource, loader)) {
        exists |= listResources(root, resource, recursive, suffix, found);
      }
      if (!exists && folder.startsWith(CLASSPATH)) {
        throw new LambdaConfigurationException(resource + ": no such class path folder");
      }
    }
    if (!exists) {
      Path directory = Path.of(filePath(folder));
      if (!Files.isDirectory(directory)) {
        throw new LambdaConfigurationException(
            folder
                + ": no such "
                + (folder.startsWith(FILE) ? "" : "class path folder or ")
                + "directory (looked for "
                + directory.toAbsolutePath()
                + ")");
      }
      walk(directory, recursive, suffix, found, FILE + directory + "/");
    }
    List<Found> files = new ArrayList<>();
    found.forEach((name, location) -> files.add(new Found(name, location)));
    return files;
  }

  /**
   * Turn JSON into {@code type} as the Lambda runtime would for a handler's input; a {@code String}
   * type receives the text itself.
   *
   * @param json the event
   * @param type the target type
   * @param loader the function's class loader, searched for a {@code CustomPojoSerializer}
   * @param source the event's location, for errors
   * @return the object
   */
  public static Object convert(String json, Type type, ClassLoader loader, String source) {
    if (type == String.class) {
      return json;
    }
    try {
      return Events.load(json, type, loader);
    } catch (LambdaConfigurationException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String reason = root == e ? e.getMessage() : root.getMessage();
      throw new LambdaConfigurationException(
          source + ": cannot read as " + type.getTypeName() + ": " + reason, e);
    }
  }

  private static List<URL> resources(String name, ClassLoader loader) {
    try {
      Enumeration<URL> urls = loader.getResources(name);
      return Collections.list(urls);
    } catch (IOException e) {
      throw new LambdaConfigurationException(name + ": cannot search the class path: " + e, e);
    }
  }

  /** Add the files under one class path root's folder; return whether it is a folder. */
  private static boolean listResources(
      URL root, String folder, boolean recursive, String suffix, TreeMap<String, String> found) {
    String prefix = folder.isEmpty() ? "" : folder + "/";
    switch (root.getProtocol()) {
      case "file" -> {
        Path directory;
        try {
          directory = Path.of(root.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new LambdaConfigurationException(folder + ": cannot list " + root, e);
        }
        if (!Files.isDirectory(directory)) {
          return false;
        }
        walk(directory, recursive, suffix, found, CLASSPATH + prefix);
        return true;
      }
      case "jar" -> {
        return listJar(root, prefix, recursive, suffix, found);
      }
      default ->
          throw new LambdaConfigurationException(
              folder + ": cannot list the class path folder " + root + " (not a directory or JAR)");
    }
  }

  private static boolean listJar(
      URL root, String prefix, boolean recursive, String suffix, TreeMap<String, String> found) {
    try {
      JarURLConnection connection = (JarURLConnection) root.openConnection();
      // A private JarFile: the cached one may be shared with (and closed by) the class loader.
      connection.setUseCaches(false);
      boolean folder = false;
      try (JarFile jar = connection.getJarFile()) {
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
          JarEntry entry = entries.nextElement();
          if (!entry.getName().startsWith(prefix) || entry.getName().equals(prefix)) {
            continue;
          }
          folder = true;
          String name = entry.getName().substring(prefix.length());
          if (!entry.isDirectory() && included(name, recursive, suffix)) {
            found.putIfAbsent(name, CLASSPATH + entry.getName());
          }
        }
      }
      return folder;
    } catch (IOException e) {
      throw new LambdaConfigurationException(prefix + ": cannot list " + root + ": " + e, e);
    }
  }

  private static void walk(
      Path directory,
      boolean recursive,
      String suffix,
      TreeMap<String, String> found,
      String locationPrefix) {
    try (Stream<Path> paths = Files.walk(directory, recursive ? Integer.MAX_VALUE : 1)) {
      paths
          .filter(Files::isRegularFile)
          .forEach(
              path -> {
                String name = directory.relativize(path).toString().replace('\\', '/');
                if (included(name, recursive, suffix)) {
                  found.putIfAbsent(name, locationPrefix + name);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      throw new LambdaConfigurationException(directory + ": cannot list: " + e.getMessage(), e);
    }
  }

  private static boolean included(String relativeName, boolean recursive, String suffix) {
    int slash = relativeName.lastIndexOf('/');
    if (!recursive && slash >= 0) {
      return false;
    }
    String fileName = relativeName.substring(slash + 1);
    return !fileName.startsWith(".") && fileName.endsWith(suffix);
  }

  private static String resourceName(String location) {
    String name =
        location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
    return name.startsWith("/") ? name.substring(1) : name;
  }

  private static String filePath(String location) {
    return location.startsWith(FILE) ? location.substring(FILE.length()) : location;
  }

  private static String trimSlashes(String name) {
    String trimmed = name;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
