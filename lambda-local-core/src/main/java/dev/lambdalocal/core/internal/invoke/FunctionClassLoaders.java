package dev.lambdalocal.core.internal.invoke;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.internal.exit.ExitTrappingClassLoader;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Gives a function's code its class loader, one per execution environment. */
public final class FunctionClassLoaders {

  private FunctionClassLoaders() {}

  /**
   * Return the class loaders of a function.
   *
   * <p>Without a class path, every environment uses {@code parent}. With one, every environment
   * gets a new class loader over it, so the function's static initializers run again after a cold
   * start, as in Lambda. Classes that {@code parent} itself can load still come from {@code parent}
   * (parent-first delegation, as the runtime's customer class loader does).
   *
   * @param parent the loader of the function's code, or the parent of its class path; {@code null}
   *     for the thread's context class loader (or, without one, lambda-local's own)
   * @param classpath directories and JARs of the function's code, possibly empty
   * @return a supplier called once per execution environment
   * @throws LambdaConfigurationException naming a class path entry that does not exist or cannot be
   *     read
   */
  public static Supplier<ClassLoader> of(ClassLoader parent, List<Path> classpath) {
    if (parent == null) {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return of(context != null ? context : FunctionClassLoaders.class.getClassLoader(), classpath);
    }
    if (classpath.isEmpty()) {
      return () -> parent;
    }
    URL[] entries = new URL[classpath.size()];
    for (int i = 0; i < entries.length; i++) {
      Path entry = classpath.get(i);
      if (!Files.exists(entry)) {
        throw new LambdaConfigurationException("Class path entry not found: " + entry);
      }
      String problem = ClassPathEntries.problem(entry);
      if (problem != null) {
        // A URLClassLoader would skip it silently; the function would then miss its classes.
        throw new LambdaConfigurationException(
            "Class path entry cannot be used: " + entry + ": " + problem);
      }
      try {
        entries[i] = entry.toAbsolutePath().toUri().toURL();
      } catch (MalformedURLException e) {
        throw new LambdaConfigurationException("Class path entry is not usable: " + entry, e);
      }
    }
    // Unnamed, like the runtime's customer class loader: a named loader would prefix every frame
    // of the function's stack traces with its name.
    // Exit calls are rewritten in the function's classes, so that its System.exit ends only its
    // invocation (docs/reliability.md).
    return () -> new ExitTrappingClassLoader(entries, parent);
  }
}
