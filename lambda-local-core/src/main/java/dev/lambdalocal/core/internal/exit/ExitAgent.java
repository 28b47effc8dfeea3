package dev.lambdalocal.core.internal.exit;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;

/**
 * The opt-in Java agent of lambda-local-core ({@code -javaagent:lambda-local-core-VERSION.jar}):
 * rewrites exit calls ({@link ExitCalls}) in the classes of the application class path too, so that
 * a handler on a test's class path that calls {@code System.exit} ends its invocation with {@code
 * Runtime.ExitError} instead of ending the test JVM.
 *
 * <p>The JDK's classes, lambda-local's own and ASM's are left alone. Rewritten host code (a test
 * runner's own {@code System.exit}, say) still exits: {@link ExitTrap} only traps calls made on a
 * thread of a function's invocation.
 *
 * @since 0.1.0
 */
public final class ExitAgent {

  private ExitAgent() {}

  /**
   * Install the agent before {@code main} ({@code -javaagent}).
   *
   * @param arguments ignored
   * @param instrumentation the JVM's instrumentation
   */
  public static void premain(String arguments, Instrumentation instrumentation) {
    instrumentation.addTransformer(new Transformer(), false);
  }

  /**
   * Install the agent in a running JVM; classes loaded before are not rewritten.
   *
   * @param arguments ignored
   * @param instrumentation the JVM's instrumentation
   */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    premain(arguments, instrumentation);
  }

  /** Rewrites the classes of application class loaders. */
  static final class Transformer implements ClassFileTransformer {
    private final URL own = location(ExitAgent.class.getProtectionDomain());

    @Override
    public byte[] transform(
        ClassLoader loader,
        String className,
        Class<?> redefined,
        ProtectionDomain domain,
        byte[] classFile) {
      if (loader == null
          || loader == ClassLoader.getPlatformClassLoader()
          || loader instanceof ExitTrappingClassLoader
          || className == null
          || className.startsWith("org/objectweb/asm/")
          || className.startsWith("dev/lambdalocal/core/internal/exit/")) {
        return null;
      }
      if (own != null && own.equals(location(domain))) {
        return null;
      }
      try {
        byte[] rewritten = ExitCalls.rewrite(classFile);
        return rewritten == classFile ? null : rewritten;
      } catch (RuntimeException unreadable) {
        // A class file ASM cannot read is defined as it is; the JVM reports what is wrong.
        return null;
      }
    }

    private static URL location(ProtectionDomain domain) {
      CodeSource source = domain == null ? null : domain.getCodeSource();
      return source == null ? null : source.getLocation();
    }
  }
}
