package dev.lambdalocal.junit.internal;

import dev.lambdalocal.core.LocalLambda;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A function kept in an {@link ExtensionContext.Store}, closed by the engine when its class or test
 * ends.
 *
 * <p>JUnit 5.13 and later close stored {@link AutoCloseable}s; older versions close only {@code
 * ExtensionContext.Store.CloseableResource}s, an interface deprecated since 5.13. So the stored
 * object is also a {@code CloseableResource} whenever the running JUnit still has that interface,
 * and closing is idempotent in case both ways are taken.
 *
 * @since 0.1.0
 */
public class StoredFunction implements AutoCloseable {

  private static final String CLOSEABLE_RESOURCE =
      "org.junit.jupiter.api.extension.ExtensionContext$Store$CloseableResource";

  private final LocalLambda lambda;
  private final AtomicBoolean closed = new AtomicBoolean();

  StoredFunction(LocalLambda lambda) {
    this.lambda = lambda;
  }

  /**
   * Wrap a function for the store of the running JUnit version.
   *
   * @param lambda the function
   * @return an {@link AutoCloseable}, also a {@code CloseableResource} where that exists
   */
  public static StoredFunction of(LocalLambda lambda) {
    // Legacy is only loaded where its interface exists: a JUnit without it can still run us.
    return hasCloseableResource() ? Legacy.wrap(lambda) : new StoredFunction(lambda);
  }

  /** Return whether the running JUnit has {@code ExtensionContext.Store.CloseableResource}. */
  static boolean hasCloseableResource() {
    try {
      Class.forName(CLOSEABLE_RESOURCE, false, ExtensionContext.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Return the function. */
  public LocalLambda lambda() {
    return lambda;
  }

  /** Stop the function's worker threads, once. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      lambda.close();
    }
  }

  /** The same, for JUnit versions that close only {@code CloseableResource}s. */
  @SuppressWarnings("deprecation")
  static final class Legacy extends StoredFunction
      implements ExtensionContext.Store.CloseableResource {

    private Legacy(LocalLambda lambda) {
      super(lambda);
    }

    static StoredFunction wrap(LocalLambda lambda) {
      return new Legacy(lambda);
    }
  }
}
