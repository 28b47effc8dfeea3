package dev.lambdalocal.junit.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A resource kept in an {@link ExtensionContext.Store} — a function, a Cognito mock, an SDK client
 * — closed by the engine when the context it is stored in ends.
 *
 * <p>JUnit 5.13 and later close stored {@link AutoCloseable}s; older versions close only {@code
 * ExtensionContext.Store.CloseableResource}s, an interface deprecated since 5.13. So the stored
 * object is also a {@code CloseableResource} whenever the running JUnit still has that interface,
 * and closing is idempotent in case both ways are taken.
 *
 * @param <T> the type of the resource
 * @since 0.1.0
 */
// "try": the engine closes it, never a try-with-resources that an interrupt could confuse.
@SuppressWarnings("try")
public class StoredResource<T extends AutoCloseable> implements AutoCloseable {

  private static final String CLOSEABLE_RESOURCE =
      "org.junit.jupiter.api.extension.ExtensionContext$Store$CloseableResource";

  private final T resource;
  private final AtomicBoolean closed = new AtomicBoolean();

  StoredResource(T resource) {
    this.resource = resource;
  }

  /**
   * Wrap a resource for the store of the running JUnit version.
   *
   * @param resource the resource
   * @param <T> its type
   * @return an {@link AutoCloseable}, also a {@code CloseableResource} where that exists
   * @since 0.1.0
   */
  public static <T extends AutoCloseable> StoredResource<T> of(T resource) {
    // Legacy is only loaded where its interface exists: a JUnit without it can still run us.
    return hasCloseableResource() ? Legacy.wrap(resource) : new StoredResource<>(resource);
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

  /**
   * Return the resource.
   *
   * @since 0.1.0
   */
  public T get() {
    return resource;
  }

  /**
   * Close the resource, once.
   *
   * @since 0.1.0
   */
  @Override
  public void close() throws Exception {
    if (closed.compareAndSet(false, true)) {
      resource.close();
    }
  }

  /** The same, for JUnit versions that close only {@code CloseableResource}s. */
  @SuppressWarnings({"deprecation", "try"})
  static final class Legacy<T extends AutoCloseable> extends StoredResource<T>
      implements ExtensionContext.Store.CloseableResource {

    private Legacy(T resource) {
      super(resource);
    }

    static <T extends AutoCloseable> StoredResource<T> wrap(T resource) {
      return new Legacy<>(resource);
    }
  }
}
