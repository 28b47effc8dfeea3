package dev.lambdalocal.core.internal.scope;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * One function's execution environment as the threads of this JVM see it: the thread group its
 * threads belong to, and the invocation it currently serves.
 *
 * <p>In Lambda a process serves one invocation at a time, so every thread of the process sees the
 * function's variables and writes to the current invocation's log. Here a thread belongs to an
 * environment when it is in the environment's thread group: the environment's worker threads are,
 * and so is every thread they (or their descendants) start, including the threads of executors
 * built during init with the JDK's default thread factory, which captures the group of the thread
 * that builds it. Such a thread sees the environment's current invocation (or, between invocations,
 * the environment's variables, its output going to the console only).
 *
 * <p>Workers of {@link ForkJoinPool#commonPool()} are shared by the whole JVM: whatever group they
 * were started in, they are attributed to the only environment that is running an init phase or an
 * invocation, if exactly one is; otherwise to none. Virtual threads, which have no group of their
 * own, belong to the environment of the thread that started them.
 */
public final class ExecutionEnvironment extends ThreadGroup {

  /** The environments running an init phase or an invocation right now. */
  private static final Set<ExecutionEnvironment> ACTIVE = ConcurrentHashMap.newKeySet();

  /** The environment of the thread that started a virtual thread (virtual threads only). */
  private static final InheritableThreadLocal<ExecutionEnvironment> STARTED_BY =
      new InheritableThreadLocal<>();

  private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

  /** The scope of the init phase or invocation running now, or {@code null}. */
  private volatile InvocationScope current;

  /** What the environment's threads see between invocations. */
  private volatile InvocationScope idle;

  /**
   * Create an environment.
   *
   * @param name the name of its thread group
   * @param idle what its threads see while no init phase or invocation runs
   */
  public ExecutionEnvironment(String name, InvocationScope idle) {
    super(name);
    this.idle = idle;
  }

  /** Return the environment of the calling thread, or {@code null} if it belongs to none. */
  static ExecutionEnvironment ofCurrentThread() {
    Thread thread = Thread.currentThread();
    for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
      if (group instanceof ExecutionEnvironment environment) {
        return environment;
      }
    }
    return isVirtual(thread) ? STARTED_BY.get() : null;
  }

  /** Return the scope the calling thread sees through its environment or a shared pool. */
  static InvocationScope scopeOfCurrentThread() {
    if (isCommonPoolWorker(Thread.currentThread())) {
      return soleActiveScope();
    }
    ExecutionEnvironment environment = ofCurrentThread();
    return environment == null ? null : environment.scope();
  }

  /** Return the current invocation of the only active environment, or {@code null}. */
  private static InvocationScope soleActiveScope() {
    ExecutionEnvironment only = null;
    for (ExecutionEnvironment environment : ACTIVE) {
      if (only != null) {
        return null;
      }
      only = environment;
    }
    return only == null ? null : only.current;
  }

  private static boolean isCommonPoolWorker(Thread thread) {
    return thread instanceof ForkJoinWorkerThread worker
        && worker.getPool() == ForkJoinPool.commonPool();
  }

  /** Mark the calling thread (a worker of this environment) as the parent of virtual threads. */
  public void adoptCurrentThread() {
    STARTED_BY.set(this);
  }

  /** Return what the environment's threads see now. */
  public InvocationScope scope() {
    InvocationScope scope = current;
    return scope != null ? scope : idle;
  }

  /** Set what the environment's threads see between invocations. */
  public void idle(InvocationScope scope) {
    this.idle = scope;
  }

  /**
   * Serve {@code scope} (an init phase or an invocation) until the returned handle is closed.
   *
   * @param scope the scope of the init phase or invocation
   * @return the handle that ends it
   */
  public InvocationScope.Binding serve(InvocationScope scope) {
    current = scope;
    ACTIVE.add(this);
    return () -> {
      ACTIVE.remove(this);
      current = null;
    };
  }

  /**
   * End the environment: it serves nothing any more; threads it still has see {@code last}.
   *
   * <p>The group itself is not destroyed: on JDK 17 a destroyed group refuses new threads, and an
   * executor built by the function keeps its group for good. A group holds no class loader, and
   * from JDK 19 on its parent holds it weakly.
   *
   * @param last what its remaining threads see from now on
   */
  public void retire(InvocationScope last) {
    ACTIVE.remove(this);
    current = null;
    idle = last;
  }

  private static boolean isVirtual(Thread thread) {
    if (IS_VIRTUAL == null) {
      return false;
    }
    try {
      return (boolean) IS_VIRTUAL.invokeExact(thread);
    } catch (Throwable e) {
      return false;
    }
  }

  private static MethodHandle isVirtualHandle() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null; // JDK 17: no virtual threads
    }
  }
}
