package dev.lambdalocal.core.internal.serialization;

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

  private final ClassLoader classLoader;
  private final Map<Platform, Map<Type, PojoSerializer<Object>>> cache = new ConcurrentHashMap<>();
  private volatile CustomPojoSerializer custom;
  private volatile boolean customLoaded;

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
    return JacksonFactory.getInstance().getSerializer(type);
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
