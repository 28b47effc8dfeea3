package dev.lambdalocal.core.internal.exit;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.jar.Manifest;

/**
 * The class loader of a function's own code (its class path, or its packaged artifact): a {@link
 * URLClassLoader} that rewrites exit calls ({@link ExitCalls}) in each class it defines, so that a
 * handler's {@code System.exit} ends its invocation with {@code Runtime.ExitError}, never the JVM.
 *
 * <p>Delegation is unchanged (parent first), and the loader is unnamed, like the Lambda runtime's
 * customer class loader. Classes that the parent loads are not rewritten.
 *
 * @since 0.1.0
 */
public final class ExitTrappingClassLoader extends URLClassLoader {

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final ExitWatch watch = new ExitWatch();

  /**
   * Create a loader over these directories and JARs.
   *
   * @param urls the class path
   * @param parent the parent loader
   */
  public ExitTrappingClassLoader(URL[] urls, ClassLoader parent) {
    super(urls, parent);
  }

  /** Return the watch of the execution environment this loader belongs to. */
  public ExitWatch watch() {
    return watch;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    // Rewritten classes call the trap by name; it must resolve even under a foreign parent.
    if (name.equals("dev.lambdalocal.core.internal.exit.ExitTrap")) {
      return ExitTrap.class;
    }
    return super.loadClass(name, resolve);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/').concat(".class");
    URL url = findResource(path);
    if (url == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    URL codeBase;
    Manifest manifest = null;
    try {
      URLConnection connection = url.openConnection();
      if (connection instanceof JarURLConnection jar) {
        codeBase = jar.getJarFileURL();
        manifest = jar.getManifest();
      } else {
        String text = url.toString();
        codeBase = new URL(text.substring(0, text.length() - path.length()));
      }
      try (InputStream in = connection.getInputStream()) {
        bytes = in.readAllBytes();
      }
    } catch (IOException e) {
      throw new ClassNotFoundException(name + ": cannot read " + url + ": " + e.getMessage(), e);
    }
    definePackageOf(name, manifest, codeBase);
    byte[] rewritten = ExitCalls.rewrite(bytes);
    CodeSource source = new CodeSource(codeBase, (CodeSigner[]) null);
    return defineClass(name, rewritten, 0, rewritten.length, source);
  }

  private void definePackageOf(String className, Manifest manifest, URL codeBase) {
    int dot = className.lastIndexOf('.');
    if (dot < 0) {
      return;
    }
    String name = className.substring(0, dot);
    if (getDefinedPackage(name) != null) {
      return;
    }
    try {
      if (manifest != null) {
        definePackage(name, manifest, codeBase);
      } else {
        definePackage(name, null, null, null, null, null, null, null);
      }
    } catch (IllegalArgumentException definedMeanwhile) {
      // Another thread defined it first: the same package.
    }
  }
}
