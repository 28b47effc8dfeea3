package dev.lambdalocal.core.internal.env;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Install the overlay in a JVM of its own, for the cases a shared test JVM cannot show. */
@SuppressWarnings("try") // scope bindings are there to be closed, not read
public final class OverlayProbe {

  private OverlayProbe() {}

  /**
   * Run one case and print its outcome on one line.
   *
   * @param args {@code denied} (run without the add-opens flag) or {@code concurrent}
   * @throws Exception when the case cannot run
   */
  public static void main(String[] args) throws Exception {
    if (args[0].equals("denied")) {
      try {
        EnvironmentOverlay.install();
        System.out.println("installed without the flag");
      } catch (LambdaConfigurationException e) {
        System.out.println(e);
      }
      return;
    }
    // Make the JDK cache its views of the environment before the overlay goes in.
    int cached = System.getenv().keySet().size() + System.getenv().entrySet().size();
    cached += System.getenv().values().size();
    int count = 8;
    CyclicBarrier start = new CyclicBarrier(count);
    ExecutorService threads = Executors.newFixedThreadPool(count);
    Future<?>[] installs = new Future<?>[count];
    for (int i = 0; i < count; i++) {
      installs[i] =
          threads.submit(
              () -> {
                start.await(30, TimeUnit.SECONDS);
                EnvironmentOverlay.install();
                return null;
              });
    }
    for (Future<?> install : installs) {
      install.get(30, TimeUnit.SECONDS);
    }
    threads.shutdown();
    String scoped;
    InvocationScope scope = new InvocationScope((b, o, l) -> {}, Map.of("PROBE", "scoped"));
    try (InvocationScope.Binding binding = scope.bind()) {
      boolean views =
          System.getenv().keySet().equals(Set.of("PROBE"))
              && System.getenv().entrySet().equals(Map.of("PROBE", "scoped").entrySet())
              && List.copyOf(System.getenv().values()).equals(List.of("scoped"));
      scoped = "scoped".equals(System.getenv("PROBE")) && views ? "yes" : "no";
    }
    String unbound =
        System.getenv()
                .equals(EnvironmentOverlay.withoutCredentials(new ProcessBuilder().environment()))
            ? "yes"
            : "no";
    System.out.printf(
        "layers=%d scoped=%s unbound=%s cached=%b%n", layers(), scoped, unbound, cached > 0);
  }

  /** Count the overlays stacked inside {@code System.getenv()}. */
  static int layers() throws ReflectiveOperationException {
    int layers = 0;
    Object map = inner(System.getenv());
    while (map.getClass().getName().endsWith("EnvironmentOverlay$ScopedEnvironment")) {
      layers++;
      Field unbound = map.getClass().getDeclaredField("unbound");
      unbound.setAccessible(true);
      map = inner(unbound.get(map));
    }
    return layers;
  }

  private static Object inner(Object unmodifiableMap) throws ReflectiveOperationException {
    Field inner = unmodifiableMap.getClass().getDeclaredField("m");
    inner.setAccessible(true);
    return inner.get(unmodifiableMap);
  }
}
