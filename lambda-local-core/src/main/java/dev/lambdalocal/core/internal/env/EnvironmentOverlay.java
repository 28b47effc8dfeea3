package dev.lambdalocal.core.internal.env;

import dev.lambdalocal.core.LambdaConfigurationException;
import dev.lambdalocal.core.internal.scope.InvocationScope;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Make {@code System.getenv()} and {@code System.getenv(String)} answer with the environment of the
 * invocation running on the calling thread.
 *
 * <p>After {@link #install()}, a thread that has an {@link InvocationScope} (a function's worker,
 * and every thread of its execution environment) sees {@link InvocationScope#environment()}; any
 * other thread sees the JVM's own environment less its AWS credentials: the variables that point
 * the AWS SDK's default credential chain at the developer's credentials ({@link #CREDENTIALS}) are
 * hidden, and the three credential variables hold the functions' dummy credentials. Code a function
 * hands to a thread that belongs to no function (an executor the host created, the common pool
 * while several functions run) therefore never reads the developer's credentials, and never another
 * function's variables. Invocations running in parallel never see each other's variables.
 *
 * <p>The JDK keeps the environment in a {@code java.util.Collections$UnmodifiableMap} that both
 * {@code System.getenv()} and, on Linux and macOS, {@code System.getenv(String)} read (checked on
 * JDK 17 and 25). Installing swaps the map inside that wrapper for one that looks up the current
 * scope on every call, which needs {@code --add-opens java.base/java.util=ALL-UNNAMED}. The swap
 * writes a {@code final} field by reflection: JDK 26 and later warn about that unless the JVM also
 * gets {@code --enable-final-field-mutation=ALL-UNNAMED}.
 *
 * <p>Child processes are not covered: {@code ProcessBuilder} and {@code Runtime.exec} copy the
 * JVM's own environment, so a process started by a handler sees the developer's environment, not
 * the function's. Pass the variables to {@code ProcessBuilder.environment()} where that matters.
 *
 * @since 0.1.0
 */
public final class EnvironmentOverlay {

  private static final Object LOCK = new Object();

  /**
   * The variables that threads outside any function never see from the JVM's environment: AWS
   * credentials and what leads the AWS SDK's default credential chain to a profile, a web identity
   * token or a container's credentials (see the SDK's {@code SdkSystemSetting}).
   */
  public static final Set<String> CREDENTIALS =
      Set.of(
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_ACCESS_KEY",
          "AWS_SECRET_KEY",
          "AWS_SECURITY_TOKEN",
          "AWS_CREDENTIAL_EXPIRATION",
          "AWS_PROFILE",
          "AWS_DEFAULT_PROFILE",
          "AWS_SHARED_CREDENTIALS_FILE",
          "AWS_CONFIG_FILE",
          "AWS_WEB_IDENTITY_TOKEN_FILE",
          "AWS_ROLE_ARN",
          "AWS_ROLE_SESSION_NAME",
          "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
          "AWS_CONTAINER_CREDENTIALS_FULL_URI",
          "AWS_CONTAINER_AUTHORIZATION_TOKEN",
          "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");

  /** What the three credential variables hold for threads outside any function. */
  private static final Map<String, String> DUMMY_CREDENTIALS =
      Map.of(
          "AWS_ACCESS_KEY_ID", LambdaVariables.ACCESS_KEY_ID,
          "AWS_SECRET_ACCESS_KEY", LambdaVariables.SECRET_ACCESS_KEY,
          "AWS_SESSION_TOKEN", LambdaVariables.SESSION_TOKEN);

  /** The JVM's environment as it was at install; {@code null} until installed. */
  private static volatile Map<String, String> processEnvironment;

  /** Why this JVM cannot carry the overlay, once found out; reported again on every install. */
  private static String unsupported;

  private EnvironmentOverlay() {}

  /**
   * Install the overlay; later calls do nothing.
   *
   * @throws LambdaConfigurationException when the JVM does not open {@code java.util} to this
   *     library, or when {@code System.getenv(String)} on this JVM bypasses the overlaid map
   */
  public static void install() {
    synchronized (LOCK) {
      if (unsupported != null) {
        throw new LambdaConfigurationException(unsupported);
      }
      if (processEnvironment != null) {
        return;
      }
      Map<String, String> wrapper = System.getenv();
      Map<String, String> original = read(wrapper, "m");
      // The previous map stays the answer for unbound threads: it is the JVM's environment, or
      // the overlay of another copy of this library loaded by a different class loader.
      write(wrapper, "m", new ScopedEnvironment(Collections.unmodifiableMap(original)));
      // The wrapper caches its views on first use; a cached view would keep reading the old map.
      write(wrapper, "keySet", null);
      write(wrapper, "entrySet", null);
      write(wrapper, "values", null);
      processEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(original));
      String failure = probe();
      if (failure != null) {
        unsupported = failure;
        throw new LambdaConfigurationException(failure);
      }
    }
  }

  /** Return a live view of {@code environment} with {@link #CREDENTIALS} replaced. */
  static Map<String, String> withoutCredentials(Map<String, String> environment) {
    return new AbstractMap<>() {
      @Override
      public String get(Object key) {
        if (CREDENTIALS.contains(key)) {
          return DUMMY_CREDENTIALS.get(key);
        }
        return environment.get(key);
      }

      @Override
      public boolean containsKey(Object key) {
        return CREDENTIALS.contains(key)
            ? DUMMY_CREDENTIALS.containsKey(key)
            : environment.containsKey(key);
      }

      @Override
      public Set<Map.Entry<String, String>> entrySet() {
        Map<String, String> copy = new LinkedHashMap<>(environment);
        copy.keySet().removeAll(CREDENTIALS);
        copy.putAll(DUMMY_CREDENTIALS);
        return Collections.unmodifiableMap(copy).entrySet();
      }
    };
  }

  /**
   * Return the JVM's own environment, whatever scope the calling thread is bound to.
   *
   * @return the environment as it was when the overlay was installed (or now, if it is not)
   */
  public static Map<String, String> processEnvironment() {
    Map<String, String> snapshot = processEnvironment;
    if (snapshot != null) {
      return snapshot;
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(System.getenv()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> read(Map<String, String> wrapper, String name) {
    try {
      return (Map<String, String>) field(wrapper, name).get(wrapper);
    } catch (IllegalAccessException e) {
      throw denied(e);
    }
  }

  private static void write(Map<String, String> wrapper, String name, Object value) {
    try {
      field(wrapper, name).set(wrapper, value);
    } catch (IllegalAccessException e) {
      throw denied(e);
    }
  }

  private static Field field(Map<String, String> wrapper, String name) {
    Field field;
    try {
      field = wrapper.getClass().getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      throw new LambdaConfigurationException(
          "Cannot give each invocation its own environment on this JVM ("
              + jvm()
              + "): System.getenv() is a "
              + wrapper.getClass().getName()
              + " without the field '"
              + name
              + "' of java.util.Collections$UnmodifiableMap",
          e);
    }
    try {
      field.setAccessible(true);
    } catch (InaccessibleObjectException e) {
      throw denied(e);
    }
    return field;
  }

  private static LambdaConfigurationException denied(Exception cause) {
    String flag = "--add-opens java.base/java.util=" + openTarget();
    return new LambdaConfigurationException(
        "Cannot give each invocation its own environment: the JVM does not open java.util to"
            + " lambda-local. Add "
            + flag
            + " to the JVM command line; with Maven put it in the Surefire (and Failsafe)"
            + " <argLine>, with Gradle in the test task's jvmArgs.",
        cause);
  }

  private static String openTarget() {
    Module module = EnvironmentOverlay.class.getModule();
    return module.isNamed() ? module.getName() : "ALL-UNNAMED";
  }

  /** Check that both ways of reading the environment see a scope; return what failed, or null. */
  @SuppressWarnings("try") // the binding is there to be closed, not read
  private static String probe() {
    String name = "LAMBDA_LOCAL_OVERLAY_PROBE";
    // Any value the process cannot already hold; no UUID: its SecureRandom costs a cold start.
    String value = Long.toHexString(ThreadLocalRandom.current().nextLong());
    InvocationScope scope = new InvocationScope((bytes, offset, length) -> {}, Map.of(name, value));
    try (InvocationScope.Binding binding = scope.bind()) {
      if (!value.equals(System.getenv().get(name))) {
        return "Cannot give each invocation its own environment on this JVM ("
            + jvm()
            + "): System.getenv() does not read the overlaid map";
      }
      if (!value.equals(System.getenv(name))) {
        return "Cannot give each invocation its own environment on this JVM ("
            + jvm()
            + "): System.getenv(String) does not read the map of System.getenv()";
      }
      return null;
    }
  }

  private static String jvm() {
    return System.getProperty("java.vm.vendor")
        + " "
        + System.getProperty("java.version")
        + " on "
        + System.getProperty("os.name");
  }

  /**
   * The map installed inside {@code System.getenv()}: every call reads the environment of the
   * calling thread's scope, or the JVM's own outside any scope.
   *
   * <p>Its views are live too, because the JDK's wrapper caches the first view it is handed.
   */
  private static final class ScopedEnvironment extends AbstractMap<String, String> {

    /** The map this one replaced (the JVM's, or another copy's overlay), as it was found. */
    private final Map<String, String> unbound;

    /** What threads outside any function see: {@link #unbound} less the AWS credentials. */
    private final Map<String, String> host;

    private final Set<Map.Entry<String, String>> entries = new Entries();
    private final Set<String> keys = new Keys();
    private final Collection<String> values = new Values();

    ScopedEnvironment(Map<String, String> unbound) {
      this.unbound = unbound;
      this.host = withoutCredentials(unbound);
    }

    private Map<String, String> current() {
      InvocationScope scope = InvocationScope.current();
      return scope == null ? host : scope.environment();
    }

    @Override
    public String get(Object key) {
      return current().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return current().containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
      return current().containsValue(value);
    }

    @Override
    public int size() {
      return current().size();
    }

    @Override
    public boolean isEmpty() {
      return current().isEmpty();
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return entries;
    }

    @Override
    public Set<String> keySet() {
      return keys;
    }

    @Override
    public Collection<String> values() {
      return values;
    }

    private final class Entries extends AbstractSet<Map.Entry<String, String>> {
      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return current().entrySet().iterator();
      }

      @Override
      public int size() {
        return current().size();
      }

      @Override
      public boolean contains(Object entry) {
        return current().entrySet().contains(entry);
      }
    }

    private final class Keys extends AbstractSet<String> {
      @Override
      public Iterator<String> iterator() {
        return current().keySet().iterator();
      }

      @Override
      public int size() {
        return current().size();
      }

      @Override
      public boolean contains(Object key) {
        return current().containsKey(key);
      }
    }

    private final class Values extends AbstractCollection<String> {
      @Override
      public Iterator<String> iterator() {
        return current().values().iterator();
      }

      @Override
      public int size() {
        return current().size();
      }

      @Override
      public boolean contains(Object value) {
        return current().containsValue(value);
      }
    }
  }
}
