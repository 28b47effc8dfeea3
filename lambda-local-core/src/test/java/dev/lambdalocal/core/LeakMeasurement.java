package dev.lambdalocal.core;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measure what cold starts of a function loaded through {@code classpath(…)} leave behind:
 * metaspace, loaded classes, heap after collection, and class loaders still reachable. Run with the
 * test class path (see docs/reliability.md for the command); argument: the number of cold starts
 * (default 1,000).
 */
public final class LeakMeasurement {

  private LeakMeasurement() {}

  /** Run the measurement and print one line per phase. */
  public static void main(String[] args) throws Exception {
    int coldStarts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    Path classes = ClassLoaderLeakTests.compile(Files.createTempDirectory("leak"));
    // One warm-up function, so that the figures compare like with like.
    run(classes, 1, new ArrayList<>());
    print("before", 0, 0);
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    run(classes, coldStarts, loaders);
    long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
    int alive = loaders.size();
    for (int i = 0; i < 40 && alive > 0; i++) {
      System.gc();
      alive = (int) loaders.stream().filter(loader -> loader.get() != null).count();
    }
    print(
        "after " + coldStarts + " cold starts (" + cpuMs + " ms CPU on the caller)",
        alive,
        coldStarts);
  }

  private static void run(Path classes, int count, List<WeakReference<ClassLoader>> loaders) {
    for (int i = 0; i < count; i++) {
      try (LocalLambda lambda =
          LocalLambda.builder()
              .handler("leak.Handler")
              .classpath(List.of(classes))
              .quiet(true)
              .build()) {
        Object output = lambda.invokeJson("{\"name\":\"n\"}").returnValue().orElseThrow();
        loaders.add(new WeakReference<>(output.getClass().getClassLoader()));
      }
    }
  }

  private static void print(String phase, int alive, int total) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long metaspace = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals("Metaspace")) {
        metaspace = pool.getUsage().getUsed();
      }
    }
    System.out.printf(
        "%s: metaspace %.1f MB, loaded classes %d, heap used %.1f MB, loaders alive %d of %d%n",
        phase,
        metaspace / 1048576.0,
        ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0,
        alive,
        total);
  }
}
