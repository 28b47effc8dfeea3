package dev.lambdalocal.lambda;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Deployment packages of test functions, compiled once per JVM from the sources below into a
 * directory that is not on the test class path, so the functions can only come from their ZIPs.
 */
final class TestFunctions {

  static final String ECHO_HANDLER = "fixtures.Echo::handleRequest";
  static final String CALLER_HANDLER = "fixtures.Caller::handleRequest";
  static final String SECRET_READER_HANDLER = "fixtures.SecretReader::handleRequest";

  private static final String ECHO =
      """
      package fixtures;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.LinkedHashMap;
      import java.util.Map;

      public class Echo implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        static final String BUILD = build();

        private static String build() {
          try (var in = Echo.class.getResourceAsStream("/build.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }

        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
          System.out.println("echo " + BUILD);
          if (event.containsKey("fail")) {
            throw new IllegalStateException((String) event.get("fail"));
          }
          if (event.containsKey("logBytes")) {
            System.out.println("x".repeat(((Number) event.get("logBytes")).intValue()));
          }
          if (event.containsKey("touch")) {
            try {
              Files.writeString(Path.of((String) event.get("touch")), context.getAwsRequestId());
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("build", BUILD);
          out.put("event", event);
          out.put("version", context.getFunctionVersion());
          out.put("arn", context.getInvokedFunctionArn());
          out.put("memory", context.getMemoryLimitInMB());
          out.put("greeting", System.getenv("GREETING"));
          out.put("loader", Echo.class.getClassLoader() instanceof java.net.URLClassLoader);
          return out;
        }
      }
      """;

  private static final String CALLER =
      """
      package fixtures;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import java.util.Map;
      import software.amazon.awssdk.core.SdkBytes;
      import software.amazon.awssdk.services.lambda.LambdaClient;

      public class Caller implements RequestHandler<Map<String, String>, String> {
        public String handleRequest(Map<String, String> event, Context context) {
          // Everything from the environment, as a function in Lambda builds its client.
          try (LambdaClient client = LambdaClient.create()) {
            return client
                .invoke(
                    r -> r.functionName(event.get("target"))
                        .payload(SdkBytes.fromUtf8String(event.get("payload"))))
                .payload()
                .asUtf8String();
          }
        }
      }
      """;

  private static final String SECRET_READER =
      """
      package fixtures;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import java.util.LinkedHashMap;
      import java.util.Map;
      import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

      public class SecretReader implements RequestHandler<Map<String, String>, Map<String, String>> {
        public Map<String, String> handleRequest(Map<String, String> event, Context context) {
          Map<String, String> out = new LinkedHashMap<>();
          out.put("endpoint", String.valueOf(System.getenv("AWS_ENDPOINT_URL")));
          out.put("lambdaEndpoint", String.valueOf(System.getenv("AWS_ENDPOINT_URL_LAMBDA")));
          out.put("accessKeyId", String.valueOf(System.getenv("AWS_ACCESS_KEY_ID")));
          // Everything from the environment, as a function in Lambda builds its client.
          try (SecretsManagerClient secrets = SecretsManagerClient.create()) {
            out.put(
                "secret",
                secrets.getSecretValue(r -> r.secretId(event.get("secretId"))).secretString());
          } catch (RuntimeException e) {
            out.put("error", e.getMessage());
          }
          return out;
        }
      }
      """;

  private static Path classes;
  private static Path echoV1;
  private static Path echoV2;
  private static Path caller;
  private static Path secretReader;

  private TestFunctions() {}

  /** The echo function whose {@code build} is {@code v1}. */
  static synchronized Path echoV1() {
    if (echoV1 == null) {
      echoV1 = zip("echo-v1", "fixtures/Echo", "v1");
    }
    return echoV1;
  }

  /** The same function, answering {@code build: v2}. */
  static synchronized Path echoV2() {
    if (echoV2 == null) {
      echoV2 = zip("echo-v2", "fixtures/Echo", "v2");
    }
    return echoV2;
  }

  /** A function that invokes {@code event.target} through an SDK client built from defaults. */
  static synchronized Path caller() {
    if (caller == null) {
      caller = zip("caller", "fixtures/Caller", "caller", sdkJars());
    }
    return caller;
  }

  /**
   * A function that reads {@code event.secretId} through a Secrets Manager client from defaults.
   */
  static synchronized Path secretReader() {
    if (secretReader == null) {
      secretReader =
          zip("secret-reader", "fixtures/SecretReader", "secret-reader", sdkJars("secretsmanager"));
    }
    return secretReader;
  }

  static byte[] bytes(Path zip) {
    try {
      return Files.readAllBytes(zip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path classes() throws IOException {
    if (classes == null) {
      Path work = Files.createTempDirectory("lambda-local-test-functions");
      Path sources = Files.createDirectories(work.resolve("src/fixtures"));
      Path out = Files.createDirectories(work.resolve("classes"));
      Path echo = Files.writeString(sources.resolve("Echo.java"), ECHO);
      Path call = Files.writeString(sources.resolve("Caller.java"), CALLER);
      Path read = Files.writeString(sources.resolve("SecretReader.java"), SECRET_READER);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int status =
          javac.run(
              null,
              null,
              null,
              "--release",
              "17",
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              out.toString(),
              echo.toString(),
              call.toString(),
              read.toString());
      if (status != 0) {
        throw new IllegalStateException("javac failed for the test functions in " + sources);
      }
      classes = out;
    }
    return classes;
  }

  /**
   * The AWS SDK's JARs from the test class path, with the clients of Lambda and of {@code
   * services}: Lambda's Java runtime does not provide the SDK, so a function that uses it packages
   * them under {@code lib/}.
   */
  private static List<Path> sdkJars(String... services) {
    List<String> groups =
        List.of(
            "/software/amazon/",
            "/org/reactivestreams/",
            "/org/slf4j/slf4j-api/",
            "/org/apache/httpcomponents/",
            "/commons-logging/",
            "/commons-codec/");
    // Other services' clients the test class path holds are not the function's dependencies.
    List<String> otherServices =
        Stream.of("cognitoidentity", "dynamodb", "secretsmanager", "ssm")
            .filter(service -> !List.of(services).contains(service))
            .map(service -> "/awssdk/" + service + "/")
            .toList();
    return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .map(entry -> entry.replace('\\', '/'))
        .filter(entry -> groups.stream().anyMatch(entry::contains))
        .filter(entry -> otherServices.stream().noneMatch(entry::contains))
        .map(Path::of)
        .toList();
  }

  private static Path zip(String name, String classPrefix, String build) {
    return zip(name, classPrefix, build, List.of());
  }

  private static Path zip(String name, String classPrefix, String build, List<Path> libs) {
    try {
      Path classes = classes();
      Path zip = Files.createTempDirectory("lambda-local-test-" + name).resolve(name + ".zip");
      try (OutputStream out = Files.newOutputStream(zip);
          ZipOutputStream zipOut = new ZipOutputStream(out);
          Stream<Path> paths = Files.walk(classes)) {
        for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
          String entry = classes.relativize(path).toString().replace('\\', '/');
          if (entry.startsWith(classPrefix)) {
            zipOut.putNextEntry(new ZipEntry(entry));
            Files.copy(path, zipOut);
            zipOut.closeEntry();
          }
        }
        for (Path jar : libs) {
          zipOut.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
          Files.copy(jar, zipOut);
          zipOut.closeEntry();
        }
        zipOut.putNextEntry(new ZipEntry("build.txt"));
        zipOut.write(build.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zipOut.closeEntry();
      }
      return zip;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> all() {
    return List.of(echoV1(), echoV2(), caller());
  }
}
