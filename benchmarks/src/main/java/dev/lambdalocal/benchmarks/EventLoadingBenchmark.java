package dev.lambdalocal.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.lambdalocal.core.Events;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measure how fast a typed event is read from a JSON file: lambda-local's {@link Events#load(Path,
 * Class)} against aws-lambda-java-tests' {@link EventLoader}, on the same file on disk. Both read
 * the file and deserialize it with the Lambda runtime's serializer for the event type.
 *
 * <p>For each call, {@code EventLoader.loadEvent(name, type)} (aws-lambda-java-tests 1.1.2) asks
 * {@code LambdaEventSerializers.serializerFor} for a serializer. For an event class with Jackson
 * mix-ins in the serialization library (SQS's) that copies the runtime's Jackson mapper and
 * registers the mix-ins again, so nothing Jackson learnt about the type in an earlier call is
 * reused: that copy is EventLoader's real cost. For a class without mix-ins (API Gateway's REST
 * event) it is a serializer of the runtime's shared mapper, and costs nothing more. Then it looks
 * the name up twice on the class path ({@code Class.getResourceAsStream}, {@code
 * ClassLoader.getResourceAsStream}) before it opens it as a file. {@code Events.load(Path, Class)}
 * does neither: it reads the file and uses one serializer per type and class loader, kept for the
 * JVM's life; but it reads strictly (UTF-8, one JSON value, positions of syntax errors), which
 * costs a second tokenizing pass.
 *
 * <ul>
 *   <li>{@code eventLoaderSameWork} is the baseline of the target: EventLoader's steps given the
 *       same work as {@code Events.load} — the file opened directly, no class-path lookups — but
 *       with its serializer asked for per call, as EventLoader asks for it. What it measures is the
 *       copy per call where there is one, which every user of EventLoader pays.
 *   <li>{@code eventLoader} is EventLoader as its users call it with a file path: the class-path
 *       lookups included.
 *   <li>{@code eventLoaderResource} is EventLoader given the same JSON as a class path resource,
 *       how its users usually call it; {@code Events.load} has no such form.
 * </ul>
 *
 * <p>The target is {@code events} &ge; 1.0&times; {@code eventLoaderSameWork}'s throughput.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.util=ALL-UNNAMED")
public class EventLoadingBenchmark {

  /** The event file, by name under {@code src/main/resources/events/}. */
  @Param({"apigateway-rest", "sqs", "s3"})
  public String event;

  private Path directory;
  private Path file;
  private String fileName;
  private String resourceName;
  private Class<?> type;
  private Function<String, Object> eventLoader;

  /** Copy the event resource to a file on disk and choose the loaders for its type. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    resourceName = "events/" + event + ".json";
    directory = Files.createTempDirectory("lambda-local-benchmarks");
    file = directory.resolve(event + ".json");
    try (InputStream in =
        EventLoadingBenchmark.class.getClassLoader().getResourceAsStream(resourceName)) {
      if (in == null) {
        throw new IllegalStateException("No resource " + resourceName + " on the class path");
      }
      Files.copy(in, file);
    }
    fileName = file.toAbsolutePath().toString();
    switch (event) {
      case "apigateway-rest" -> {
        type = APIGatewayProxyRequestEvent.class;
        eventLoader = EventLoader::loadApiGatewayRestEvent;
      }
      case "sqs" -> {
        type = SQSEvent.class;
        eventLoader = EventLoader::loadSQSEvent;
      }
      case "s3" -> {
        type = S3Event.class;
        eventLoader = EventLoader::loadS3Event;
      }
      default -> throw new IllegalArgumentException("Unknown event " + event);
    }
    checkSameEvent(eventLoader.apply(fileName), Events.load(file, type));
    checkSameEvent(eventLoader.apply(resourceName), Events.load(file, type));
    checkSameEvent(eventLoaderSameWork(), Events.load(file, type));
  }

  /** Delete the event file. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(directory);
  }

  /** Load the file with aws-lambda-java-tests' {@code EventLoader.loadXxxEvent(path)}. */
  @Benchmark
  public Object eventLoader() {
    return eventLoader.apply(fileName);
  }

  /**
   * Do what {@code EventLoader.loadEvent} does for a file, without its class-path lookups: a new
   * serializer for the type (a copy of the runtime's mapper), then the file.
   */
  @Benchmark
  public Object eventLoaderSameWork() throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return LambdaEventSerializers.serializerFor(type, ClassLoader.getSystemClassLoader())
          .fromJson(in);
    }
  }

  /** Load the same JSON with {@code EventLoader} from the class path (reference point). */
  @Benchmark
  public Object eventLoaderResource() {
    return eventLoader.apply(resourceName);
  }

  /** Load the file with lambda-local's {@code Events.load(path, type)}. */
  @Benchmark
  public Object events() {
    return Events.load(file, type);
  }

  private void checkSameEvent(Object fromEventLoader, Object fromEvents) {
    // Comparing speed only makes sense if both produce the same object. Not every event class has
    // equals() (S3's records do not), so both objects are written back with one serializer.
    if (fromEventLoader == null || fromEvents == null) {
      throw new IllegalStateException("A loader read " + fileName + " as null");
    }
    String expected = toJson(fromEventLoader);
    String actual = toJson(fromEvents);
    if (!expected.equals(actual)) {
      throw new IllegalStateException(
          "EventLoader and Events.load read "
              + fileName
              + " differently:\n"
              + expected
              + "\n"
              + actual);
    }
  }

  @SuppressWarnings("unchecked")
  private String toJson(Object value) {
    PojoSerializer<Object> serializer =
        LambdaEventSerializers.serializerFor(
            (Class<Object>) type, EventLoadingBenchmark.class.getClassLoader());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer.toJson(value, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
