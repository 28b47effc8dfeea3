package dev.lambdalocal.core.internal.invoke;

import dev.lambdalocal.core.internal.scope.ExecutionEnvironment;
import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a function's code on worker threads, bounded in time.
 *
 * <p>A task that overruns its limit is interrupted, and its worker is never used again: a worker
 * that ignores the interruption keeps its thread, and the next task runs on a new one, so a stuck
 * handler never blocks the next invocation.
 *
 * <p>The hand-off is tuned for a warm function invoked again and again: the idle worker and the
 * waiting caller each spin for a while before parking, because waking a parked thread costs more
 * than a whole invocation on many machines (see {@code docs/performance.md}). A spinning thread
 * yields the processor at every turn, so that on a machine with few cores it never keeps the
 * threads it waits for (the caller's client, a server's I/O threads) from running. A caller that
 * knows an invocation is coming can {@link #prepare() prepare} the idle worker, which then waits
 * actively instead of parked. On a single processor nobody spins.
 */
final class WorkerPool implements AutoCloseable {

  /** How long a worker gets to stop after its interruption before it is reported as stuck. */
  private static final Duration STOP_GRACE = Duration.ofMillis(200);

  private static final boolean MULTIPROCESSOR = Runtime.getRuntime().availableProcessors() > 1;

  /** How long a worker spins after a task before it parks. */
  private static final long IDLE_SPIN_NANOS = spinMicros(50);

  /** How long a prepared worker spins, waiting for the task that was announced. */
  private static final long PREPARED_SPIN_NANOS = spinMicros(200);

  /** How long a caller spins, waiting for its task to end, before it parks. */
  private static final long AWAIT_SPIN_NANOS = spinMicros(150);

  /** How long an idle worker waits for work before its thread ends. */
  private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final String functionName;
  private final ExecutionEnvironment environment;
  private final AtomicInteger counter = new AtomicInteger();
  private final AtomicReference<Worker> idle = new AtomicReference<>();
  private volatile boolean closed;

  /** Create a pool whose threads belong to {@code environment}, as do the threads they start. */
  WorkerPool(String functionName, ExecutionEnvironment environment) {
    this.functionName = functionName;
    this.environment = environment;
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
    if (closed) {
      throw new IllegalStateException("The function is closed");
    }
    Task<T> task = new Task<>(scope, classLoader, work, Thread.currentThread());
    Worker worker = idle.getAndSet(null);
    if (worker == null || !worker.offer(task)) {
      worker = new Worker("lambda-local-" + functionName + "-" + counter.incrementAndGet());
      worker.offer(task);
      worker.start();
    }
    return task;
  }

  /**
   * Announce a task that is about to be started: wake the idle worker, if there is one, and let it
   * wait actively for a while, so that the next {@link #start} does not wait for a thread to wake.
   */
  void prepare() {
    Worker worker = idle.get();
    if (worker != null && PREPARED_SPIN_NANOS > 0) {
      worker.preparedUntil = System.nanoTime() + PREPARED_SPIN_NANOS;
      LockSupport.unpark(worker);
    }
  }

  private static long spinMicros(long micros) {
    return MULTIPROCESSOR ? TimeUnit.MICROSECONDS.toNanos(micros) : 0;
  }

  @Override
  public void close() {
    closed = true;
    Worker worker = idle.getAndSet(null);
    if (worker != null) {
      worker.retire();
    }
  }

  /** A started piece of work. */
  final class Task<T> {
    private final InvocationScope scope;
    private final ClassLoader classLoader;
    private final Work<T> work;
    private final Thread caller;
    private volatile Outcome<T> outcome;
    private volatile Worker worker;

    private Task(InvocationScope scope, ClassLoader classLoader, Work<T> work, Thread caller) {
      this.scope = scope;
      this.classLoader = classLoader;
      this.work = work;
      this.caller = caller;
    }

    /** Run on {@code runner} and return the outcome, not yet published. */
    private Outcome<T> execute(Worker runner) {
      worker = runner;
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(classLoader);
      try (InvocationScope.Binding binding = scope.bind()) {
        return new Outcome<>(work.run(), null, false, null);
      } catch (Throwable t) {
        return new Outcome<>(null, t, false, null);
      } finally {
        thread.setContextClassLoader(previous);
      }
    }

    /** Hand the outcome to the waiting caller. */
    private void publish(Outcome<?> result) {
      @SuppressWarnings("unchecked")
      Outcome<T> typed = (Outcome<T>) result;
      outcome = typed;
      LockSupport.unpark(caller);
    }

    /**
     * Wait for the work to end, at most {@code limitNanos}; if it has not ended by then, return
     * {@code null} and leave it running.
     */
    Outcome<T> await(long limitNanos) {
      long deadline = System.nanoTime() + Math.max(0, limitNanos);
      long spinUntil = System.nanoTime() + Math.min(AWAIT_SPIN_NANOS, Math.max(0, limitNanos));
      while (outcome == null && System.nanoTime() < spinUntil) {
        Thread.yield();
      }
      while (outcome == null) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return null;
        }
        LockSupport.parkNanos(this, remaining);
        if (Thread.interrupted()) {
          interrupt();
          Thread.currentThread().interrupt();
          throw new CancellationException("Interrupted while waiting for the function");
        }
      }
      return outcome;
    }

    /**
     * Interrupt the work and wait briefly for it to stop. Its worker is retired either way, so an
     * interrupt that arrives late can never reach another invocation.
     *
     * @return the timed-out outcome, naming the thread if it did not stop
     */
    Outcome<T> interrupt() {
      // A task handed over is always picked up; wait for that if it has not happened yet.
      Worker running = awaitWorker();
      running.retire();
      running.interrupt();
      long deadline = System.nanoTime() + STOP_GRACE.toNanos();
      while (outcome == null && System.nanoTime() < deadline) {
        LockSupport.parkNanos(this, deadline - System.nanoTime());
      }
      String stuck = outcome == null ? running.getName() : null;
      return new Outcome<>(null, null, true, stuck);
    }

    private Worker awaitWorker() {
      while (worker == null) {
        Thread.onSpinWait();
      }
      return worker;
    }
  }

  /** A thread that runs one task after another, as long as none of them times out. */
  private final class Worker extends Thread {
    /** What the slot holds once the worker takes no more work. */
    private static final Object ENDED = new Object();

    /** The offered task, {@code null} while idle, or {@link #ENDED}. */
    private final AtomicReference<Object> slot = new AtomicReference<>();

    private volatile boolean retired;

    /** Until when (System.nanoTime) the worker spins for an announced task. */
    private volatile long preparedUntil = System.nanoTime();

    Worker(String name) {
      super(environment, name);
      setDaemon(true);
    }

    /** Hand this worker a task; false if it has ended or is busy. */
    boolean offer(Task<?> task) {
      if (!slot.compareAndSet(null, task)) {
        return false;
      }
      LockSupport.unpark(this);
      return true;
    }

    void retire() {
      retired = true;
      LockSupport.unpark(this);
    }

    @Override
    public void run() {
      environment.adoptCurrentThread();
      while (true) {
        Task<?> task = next();
        if (task == null) {
          return;
        }
        // A pending interrupt belongs to no task of ours; the runtime clears it too.
        Thread.interrupted();
        Outcome<?> result = task.execute(this);
        // Become idle before the caller learns the outcome, so that its next invocation finds
        // this worker ready instead of starting a new thread.
        boolean reuse = !retired && !closed;
        if (reuse) {
          slot.set(null);
          reuse = idle.compareAndSet(null, this);
        }
        if (!reuse) {
          slot.set(ENDED);
        }
        task.publish(result);
        if (!reuse) {
          return;
        }
      }
    }

    /** Wait for the next task: spin briefly, then park until one comes or the keep-alive ends. */
    private Task<?> next() {
      long start = System.nanoTime();
      while (true) {
        if (slot.get() instanceof Task<?> task) {
          return task;
        }
        long waited = System.nanoTime() - start;
        if (retired || waited >= KEEP_ALIVE_NANOS) {
          retired = true;
          idle.compareAndSet(this, null);
          // Either no offer gets in any more, or one got in first and still runs.
          return slot.compareAndSet(null, ENDED) ? null : (Task<?>) slot.get();
        }
        if (waited < IDLE_SPIN_NANOS || System.nanoTime() - preparedUntil < 0) {
          Thread.yield();
        } else {
          LockSupport.parkNanos(this, KEEP_ALIVE_NANOS - waited);
        }
      }
    }
  }
}
