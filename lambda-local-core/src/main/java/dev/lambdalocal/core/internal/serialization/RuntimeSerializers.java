package dev.lambdalocal.core.internal.serialization;

import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.type.TypeFactory;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.util.LRUMap;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the serializer for a handler's input or output type in the order the AWS Lambda Java
 * runtime interface client (2.10.x) does.
 *
 * <ol>
 *   <li>the single {@link CustomPojoSerializer} found by {@link ServiceLoader} in the function's
 *       class loader (more than one is an error, as in Lambda: {@link
 *       TooManySerializersException});
 *   <li>for a type that aws-lambda-java-serialization supports as a Lambda event, its event
 *       serializer with the event's mixins;
 *   <li>Gson when the client context names the Android platform;
 *   <li>otherwise the runtime's plain Jackson configuration.
 * </ol>
 *
 * <p>One instance belongs to one function (one class loader); serializers are cached per platform
 * and type as the runtime caches them.
 *
 * <p>The runtime's plain Jackson configuration is one process-wide mapper ({@code
 * JacksonFactory.getInstance()}), whose caches keep every type it has read for ever. In Lambda the
 * process ends with the environment; here a function loaded through {@code classpath(…)} gets a new
 * class loader per execution environment, and a shared mapper would keep each of them, with all
 * their classes, for as long as the JVM runs. So types that come from a loader the library cannot
 * see (the function's own) get a copy of that mapper, same configuration, with caches of its own,
 * including its own type cache; it goes when the environment's serializers go. Types the library's
 * loader can see use the shared mapper, warm from earlier environments.
 */
public final class RuntimeSerializers {

  /** The message Lambda gives when more than one {@link CustomPojoSerializer} is provided. */
  public static final String TOO_MANY_SERIALIZERS =
      "Too many serializers provided inside the META-INF/services folder, only one is allowed";

  /** The client platforms the runtime distinguishes, from the client context's {@code env}. */
  public enum Platform {
    ANDROID,
    IOS,
    UNKNOWN
  }

  /** The loader of the runtime's serialization library: what it sees, every function sees. */
  private static final ClassLoader SHARED_LOADER = JacksonFactory.class.getClassLoader();

  private final ClassLoader classLoader;
  private final Map<Platform, Map<Type, PojoSerializer<Object>>> cache = new ConcurrentHashMap<>();
  private volatile CustomPojoSerializer custom;
  private volatile boolean customLoaded;

  /** The copy of the runtime's Jackson mapper for the function's own types, made on first use. */
  private volatile JacksonFactory ownJackson;

  /**
   * Create the serializers of a function whose classes come from {@code classLoader}.
   *
   * @param classLoader the function's class loader, searched for a custom serializer and mixins
   */
  public RuntimeSerializers(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /** Return the serializer the runtime would use for {@code type} on {@code platform}. */
  public PojoSerializer<Object> forType(Type type, Platform platform) {
    return cache
        .computeIfAbsent(platform, p -> new ConcurrentHashMap<>())
        .computeIfAbsent(type, t -> create(t, platform));
  }

  /** Return the serializer the runtime would use for {@code type} in an invocation's context. */
  public PojoSerializer<Object> forType(Type type, Context context) {
    return forType(type, platformOf(context));
  }

  /** Return the platform the runtime derives from the client context's {@code env.platform}. */
  public static Platform platformOf(Context context) {
    ClientContext clientContext = context == null ? null : context.getClientContext();
    Map<String, String> env = clientContext == null ? null : clientContext.getEnvironment();
    String platform = env == null ? null : env.get("platform");
    if ("Android".equalsIgnoreCase(platform)) {
      return Platform.ANDROID;
    }
    if ("iPhoneOS".equalsIgnoreCase(platform)) {
      return Platform.IOS;
    }
    return Platform.UNKNOWN;
  }

  @SuppressWarnings("unchecked")
  private PojoSerializer<Object> create(Type type, Platform platform) {
    CustomPojoSerializer customSerializer = customSerializer();
    if (customSerializer != null) {
      return new CustomAdapter(customSerializer, type);
    }
    if (type instanceof Class<?> clazz
        && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
      return LambdaEventSerializers.serializerFor((Class<Object>) clazz, classLoader);
    }
    if (platform == Platform.ANDROID) {
      return GsonFactory.getInstance().getSerializer(type);
    }
    return jacksonFor(type).getSerializer(type);
  }

  private JacksonFactory jacksonFor(Type type) {
    JacksonFactory shared = JacksonFactory.getInstance();
    if (SharedTypes.visibleTo(type, SHARED_LOADER)) {
      return shared;
    }
    JacksonFactory own = ownJackson;
    if (own == null) {
      synchronized (this) {
        own = ownJackson;
        if (own == null) {
          // withNamingStrategy copies the mapper (ObjectMapper.copy()), with its own caches but
          // the type factory of the original: that one's cache is shared, so it is replaced too.
          own = shared.withNamingStrategy(shared.getMapper().getPropertyNamingStrategy());
          own.getMapper()
              .setTypeFactory(
                  TypeFactory.defaultInstance()
                      .withCache(new LRUMap<>(16, TypeFactory.DEFAULT_MAX_CACHE_SIZE)));
          ownJackson = own;
        }
      }
    }
    return own;
  }

  private CustomPojoSerializer customSerializer() {
    if (!customLoaded) {
      synchronized (this) {
        if (!customLoaded) {
          Iterator<CustomPojoSerializer> found =
              ServiceLoader.load(CustomPojoSerializer.class, classLoader).iterator();
          CustomPojoSerializer first = found.hasNext() ? found.next() : null;
          if (first != null && found.hasNext()) {
            throw new TooManySerializersException();
          }
          custom = first;
          customLoaded = true;
        }
      }
    }
    return custom;
  }

  private record CustomAdapter(CustomPojoSerializer serializer, Type type)
      implements PojoSerializer<Object> {
    @Override
    public Object fromJson(InputStream input) {
      return serializer.fromJson(input, type);
    }

    @Override
    public Object fromJson(String input) {
      return serializer.fromJson(input, type);
    }

    @Override
    public void toJson(Object value, OutputStream output) {
      serializer.toJson(value, output, type);
    }
  }
}
