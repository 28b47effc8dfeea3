package dev.lambdalocal.core.internal.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdalocal.core.ClientContexts;
import dev.lambdalocal.core.InvocationResult;
import dev.lambdalocal.core.InvokeOptions;
import dev.lambdalocal.core.LambdaError;
import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.core.fixtures.Named;
import dev.lambdalocal.core.fixtures.NamedHandler;
import dev.lambdalocal.core.fixtures.OtherSerializer;
import dev.lambdalocal.core.fixtures.UpperCaseSerializer;
import dev.lambdalocal.core.internal.serialization.RuntimeSerializers.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeSerializersTests {

  private static final String SERVICE =
      "META-INF/services/com.amazonaws.services.lambda.runtime.CustomPojoSerializer";

  @TempDir Path dir;

  private ClassLoader withServices(String... providers) throws IOException {
    Path file = dir.resolve(SERVICE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", providers) + "\n");
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  private static String json(RuntimeSerializers serializers, Object value, Platform platform) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializers.forType(value.getClass(), platform).toJson(value, out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void customSerializerFromTheFunctionsClassLoaderComesFirst() throws IOException {
    RuntimeSerializers serializers =
        new RuntimeSerializers(withServices(UpperCaseSerializer.class.getName()));

    assertThat(json(serializers, "x", Platform.UNKNOWN)).isEqualTo("<x>");
    assertThat(serializers.forType(String.class, Platform.UNKNOWN).fromJson("abc"))
        .isEqualTo("ABC");
    // Even AWS event types go through the custom serializer.
    assertThat(serializers.forType(SQSEvent.class, Platform.UNKNOWN).fromJson("q")).isEqualTo("Q");
  }

  @Test
  void customSerializerAppliesToTheWholeInvocation() throws IOException {
    ClassLoader loader = withServices(UpperCaseSerializer.class.getName());
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler("dev.lambdalocal.core.fixtures.Behaviours::handle")
            .classLoader(loader)
            .quiet(true)
            .build()) {
      assertThat(lambda.invokeJson("abc").payloadAsString()).isEqualTo("<hello ABC>");
    }
  }

  @Test
  void twoCustomSerializersAreRejectedWithTheRuntimesMessage() throws IOException {
    RuntimeSerializers serializers =
        new RuntimeSerializers(
            withServices(UpperCaseSerializer.class.getName(), OtherSerializer.class.getName()));

    assertThatThrownBy(() -> serializers.forType(String.class, Platform.UNKNOWN))
        .hasMessage(
            "Too many serializers provided inside the META-INF/services folder, only one is allowed");
  }

  @Test
  void twoCustomSerializersFailEveryInvocationWithTheRuntimesExceptionType() throws IOException {
    ClassLoader loader =
        withServices(UpperCaseSerializer.class.getName(), OtherSerializer.class.getName());
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler("dev.lambdalocal.core.fixtures.Behaviours::handle")
            .classLoader(loader)
            .quiet(true)
            .build()) {
      InvocationResult result = lambda.invokeJson("\"abc\"");

      // aws-lambda-java-runtime-interface-client: PojoSerializerLoader throws it while the handler
      // is built (a user fault of the handler, as any failure of its construction).
      LambdaError error = result.error().orElseThrow();
      assertThat(error.errorType())
          .isEqualTo(
              "com.amazonaws.services.lambda.runtime.api.client.TooManyServiceProvidersFoundException");
      assertThat(error.errorMessage())
          .isEqualTo(
              "Too many serializers provided inside the META-INF/services folder, only one is"
                  + " allowed");
      assertThat(result.logs())
          .contains(
              "com.amazonaws.services.lambda.runtime.api.client.TooManyServiceProvidersFoundException:"
                  + " Too many serializers provided");
    }
  }

  @Test
  void plainTypesUseTheRuntimesJacksonAndAndroidClientsGson() {
    RuntimeSerializers serializers = new RuntimeSerializers(getClass().getClassLoader());

    assertThat(json(serializers, new Named(), Platform.UNKNOWN))
        .isEqualTo("{\"shown\":\"s\",\"computed\":\"c\"}");
    assertThat(json(serializers, new Named(), Platform.ANDROID))
        .isEqualTo("{\"hidden\":\"h\",\"shown\":\"s\"}");
  }

  @Test
  void platformComesFromTheClientContext() {
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(NamedHandler.class.getName() + "::handle")
            .quiet(true)
            .build()) {
      InvokeOptions android =
          InvokeOptions.builder()
              .clientContext(ClientContexts.of(null, Map.of(), Map.of("platform", "Android")))
              .build();

      assertThat(lambda.invokeJson("{}", android).payloadAsString())
          .isEqualTo("{\"hidden\":\"h\",\"shown\":\"s\"}");
      assertThat(lambda.invokeJson("{}").payloadAsString())
          .isEqualTo("{\"shown\":\"s\",\"computed\":\"c\"}");
    }
  }

  @Test
  void lambdaEventsUseTheirMixins() {
    RuntimeSerializers serializers = new RuntimeSerializers(getClass().getClassLoader());

    SQSEvent event =
        (SQSEvent)
            serializers
                .forType(SQSEvent.class, Platform.UNKNOWN)
                .fromJson(
                    "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"{\\\"a\\\":1}\","
                        + "\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:q\"}]}");

    assertThat(event.getRecords()).hasSize(1);
    assertThat(event.getRecords().get(0).getMessageId()).isEqualTo("m1");
    assertThat(event.getRecords().get(0).getBody()).isEqualTo("{\"a\":1}");
    assertThat(event.getRecords().get(0).getEventSourceArn())
        .isEqualTo("arn:aws:sqs:us-east-1:123456789012:q");
  }
}
