package dev.lambdalocal.cli;

import dev.lambdalocal.core.LambdaConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks at start-up that each {@code --function}'s handler class exists, since the runtime would
 * only report a missing class on the first request.
 */
final class HandlerClasses {

  private HandlerClasses() {}

  /** Fail when the handler's class is not on the class path (without initializing it). */
  static void check(String name, String handler, List<Path> entries) {
    int colons = handler.indexOf("::");
    String className = colons < 0 ? handler : handler.substring(0, colons);
    ClassLoader parent = HandlerClasses.class.getClassLoader();
    try (URLClassLoader loader = new URLClassLoader(urls(entries), parent)) {
      Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new LambdaConfigurationException(
          "--function "
              + name
              + "="
              + handler
              + ": class "
              + className
              + " not found"
              + (entries == null ? "" : " on --classpath"),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL[] urls(List<Path> entries) {
    if (entries == null) {
      return new URL[0];
    }
    List<URL> urls = new ArrayList<>();
    for (Path entry : entries) {
      try {
        urls.add(entry.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new LambdaConfigurationException("--classpath: invalid path: " + entry, e);
      }
    }
    return urls.toArray(URL[]::new);
  }
}
