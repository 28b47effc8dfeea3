package dev.lambdalocal.core.internal.invoke;

import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a function's code on worker threads, bounded in time.
 *
 * <p>A task that overruns its limit is interrupted. A worker that ignores the interruption keeps
 * its thread, which the pool no longer counts on: the next task runs on another thread, so a stuck
 * handler never blocks the next invocation.
 */
final class WorkerPool implements AutoCloseable {

  /** How long a worker gets to stop after its interruption before it is reported as stuck. */
  private static final Duration STOP_GRACE = Duration.ofMillis(200);

  private final ExecutorService executor;

  WorkerPool(String functionName) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread =
              new Thread(
                  runnable, "lambda-local-" + functionName + "-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    this.executor = Executors.newCachedThreadPool(factory);
  }

  /** Code run on a worker; its throwable is the function's error. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws Throwable;
  }

  /** The end of a task: its value, its throwable, or the fact that it overran its limit. */
  record Outcome<T>(T value, Throwable failure, boolean timedOut, String stuckThread) {}

  /**
   * Start work on a worker thread, bound to {@code scope} with {@code classLoader} as its context
   * class loader.
   */
  <T> Task<T> start(InvocationScope scope, ClassLoader classLoader, Work<T> work) {
    AtomicReference<Thread> worker = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(1);
    Future<Outcome<T>> future =
        executor.submit(
            () -> {
              Thread thread = Thread.currentThread();
              worker.set(thread);
              ClassLoader previous = thread.getContextClassLoader();
              thread.setContextClassLoader(classLoader);
              try (InvocationScope.Binding binding = scope.bind()) {
                return new Outcome<>(work.run(), null, false, null);
              } catch (Throwable t) {
                return new Outcome<T>(null, t, false, null);
              } finally {
                thread.setContextClassLoader(previous);
                // As the runtime does after each invocation: a pending interrupt must not leak.
                Thread.interrupted();
                finished.countDown();
              }
            });
    return new Task<>(future, worker, finished);
  }

  /** A started piece of work. */
  static final class Task<T> {
    private final Future<Outcome<T>> future;
    private final AtomicReference<Thread> worker;
    private final CountDownLatch finished;

    private Task(
        Future<Outcome<T>> future, AtomicReference<Thread> worker, CountDownLatch finished) {
      this.future = future;
      this.worker = worker;
      this.finished = finished;
    }

    /**
     * Wait for the work to end, at most {@code limitNanos}; if it has not ended by then, return
     * {@code null} and leave it running.
     */
    Outcome<T> await(long limitNanos) {
      try {
        return future.get(Math.max(0, limitNanos), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return null;
      } catch (InterruptedException e) {
        future.cancel(true);
        Thread.currentThread().interrupt();
        throw new CancellationException("Interrupted while waiting for the function");
      } catch (ExecutionException e) {
        // The task catches every throwable itself; this is a bug in lambda-local.
        throw new IllegalStateException("lambda-local worker failed", e.getCause());
      }
    }

    /**
     * Interrupt the work and wait briefly for it to stop.
     *
     * @return the timed-out outcome, naming the thread if it did not stop
     */
    Outcome<T> interrupt() {
      future.cancel(true);
      boolean stopped;
      try {
        stopped = finished.await(STOP_GRACE.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = false;
      }
      Thread thread = worker.get();
      String stuck = stopped || thread == null ? null : thread.getName();
      return new Outcome<>(null, null, true, stuck);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
