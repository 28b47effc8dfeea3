package dev.lambdalocal.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayOutputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function loaded through {@code classpath(…)} leaves nothing behind once closed: after 1,000
 * cold starts every one of its class loaders can be collected (issue 15, item 2). Before, the
 * runtime's process-wide Jackson mapper kept the function's types, and with them their loaders, for
 * ever.
 */
class ClassLoaderLeakTests {

  private static final int COLD_STARTS = Integer.getInteger("leak.coldStarts", 1_000);

  /** How many times the test asks for a collection before it gives up; not a time. */
  private static final int COLLECTIONS = 40;

  @TempDir Path dir;

  @Test
  void classLoadersOfClosedFunctionsAreCollected() throws Exception {
    Path classes = compile(dir);
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    for (int i = 0; i < COLD_STARTS; i++) {
      try (LocalLambda lambda =
          LocalLambda.builder()
              .handler("leak.Handler")
              .classpath(List.of(classes))
              .quiet(true)
              .build()) {
        InvocationResult result = lambda.invokeJson("{\"name\":\"n" + i + "\"}");
        assertThat(result.payloadAsString()).isEqualTo("{\"greeting\":\"hello n" + i + "\"}");
        Object output = result.returnValue().orElseThrow();
        loaders.add(new WeakReference<>(output.getClass().getClassLoader()));
      }
    }

    int alive = alive(loaders);
    for (int i = 0; i < COLLECTIONS && alive > 0; i++) {
      System.gc();
      alive = alive(loaders);
    }
    assertThat(alive).as("class loaders still reachable of %d", COLD_STARTS).isZero();
  }

  private static int alive(List<WeakReference<ClassLoader>> loaders) {
    int alive = 0;
    for (WeakReference<ClassLoader> loader : loaders) {
      if (loader.get() != null) {
        alive++;
      }
    }
    return alive;
  }

  /** Compile a POJO handler, {@code leak.Handler}, outside the test class path; return its dir. */
  static Path compile(Path dir) throws Exception {
    Path source = dir.resolve("src/leak/Handler.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package leak;\n"
            + "import com.amazonaws.services.lambda.runtime.Context;\n"
            + "import com.amazonaws.services.lambda.runtime.RequestHandler;\n"
            + "public class Handler implements RequestHandler<Handler.In, Handler.Out> {\n"
            + "  public static class In { public String name; }\n"
            + "  public static class Out { public String greeting; }\n"
            + "  public Out handleRequest(In in, Context context) {\n"
            + "    Out out = new Out(); out.greeting = \"hello \" + in.name; return out;\n"
            + "  }\n"
            + "}\n");
    Path classes = dir.resolve("classes");
    String core =
        Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                errors,
                "--release",
                "17",
                "-cp",
                core,
                "-d",
                classes.toString(),
                source.toString());
    if (status != 0) {
      throw new IllegalStateException(errors.toString(StandardCharsets.UTF_8));
    }
    return classes;
  }
}
