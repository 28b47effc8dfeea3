package dev.lambdalocal.core.internal.invoke;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of a deployment package's class loader: the JDK, plus the classes and resources of the
 * libraries Lambda's Java runtime has on its own class path, and nothing else of the class path
 * lambda-local runs on (a test's class path, say).
 *
 * <p>The runtime starts {@code java -cp aws-lambda-java-core-….jar:
 * aws-lambda-java-runtime-interface-client-….jar:aws-lambda-java-serialization-….jar
 * com.amazonaws.services.lambda.runtime.api.client.AWSLambda} (the java17 runtime's command line,
 * reported in github.com/aws-observability/aws-otel-java-instrumentation pull request 953) and
 * makes the system class loader the parent of the function's class loader ({@code AWSLambda.java}:
 * "to ensure any aws-lambda-java-core classes are loaded from the system classloader"). So a
 * function sees aws-lambda-java-core and aws-lambda-java-serialization (with its relocated Jackson)
 * whether it packages them or not, and never its own copies of them. The runtime interface client's
 * own classes are left out: lambda-local does not have them.
 */
final class RuntimeProvidedClassLoader extends ClassLoader {

  private static final RuntimeProvidedClassLoader INSTANCE =
      new RuntimeProvidedClassLoader(FunctionArtifacts.class.getClassLoader());

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final ClassLoader host;
  private final List<String> provided;

  private RuntimeProvidedClassLoader(ClassLoader host) {
    super("lambda-runtime", ClassLoader.getPlatformClassLoader());
    this.host = host;
    this.provided =
        List.of(
            codeSource(host, FunctionArtifacts.lambdaCore()),
            codeSource(
                host,
                com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory
                    .class));
  }

  static RuntimeProvidedClassLoader instance() {
    return INSTANCE;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    URL resource = host.getResource(name.replace('.', '/') + ".class");
    if (resource == null || !isProvided(resource)) {
      throw new ClassNotFoundException(name);
    }
    return host.loadClass(name);
  }

  @Override
  protected URL findResource(String name) {
    URL resource = host.getResource(name);
    return resource != null && isProvided(resource) ? resource : null;
  }

  @Override
  protected Enumeration<URL> findResources(String name) throws IOException {
    List<URL> found = Collections.list(host.getResources(name));
    found.removeIf(url -> !isProvided(url));
    return Collections.enumeration(found);
  }

  // Both libraries keep everything under com/amazonaws/ (their Jackson is relocated there); the
  // prefix also holds when lambda-local runs from one shaded JAR (the command line), where the
  // code source alone would let every bundled library through.
  private boolean isProvided(URL resource) {
    String url = resource.toString();
    return provided.stream()
        .anyMatch(
            source -> url.startsWith(source) && url.startsWith("com/amazonaws/", source.length()));
  }

  /** Return the prefix that the URLs of a class's library's resources start with. */
  private static String codeSource(ClassLoader host, Class<?> type) {
    String path = type.getName().replace('.', '/') + ".class";
    URL url = host.getResource(path);
    if (url == null) {
      throw new IllegalStateException("lambda-local's class path lacks " + type.getName());
    }
    String text = url.toString();
    return text.substring(0, text.length() - path.length());
  }
}
