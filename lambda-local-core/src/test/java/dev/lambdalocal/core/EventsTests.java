package dev.lambdalocal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTests {

  private static final String IDENTITY = "us-east-1:0f3b7a2c-1d4e-4c5f-8a9b-0c1d2e3f4a5b";
  private static final String POOL = "us-east-1:7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9";

  /** Declares the generic type {@code Map<String, Object>} for {@link #mapType()}. */
  @SuppressWarnings("unused")
  private static Map<String, Object> mapField;

  @TempDir Path dir;

  @Test
  void readJsonReturnsTheTextUnchanged() throws IOException {
    String text = "{\n  \"name\" : \"Ada\",\n  \"n\": 1.50\n}\n";
    Path file = write("event.json", text);

    assertThat(Events.readJson(file)).isEqualTo(text);
  }

  @Test
  void readJsonDropsAByteOrderMark() throws IOException {
    Path file = write("bom.json", "\uFEFF{\"a\":1}");

    assertThat(Events.readJson(file)).isEqualTo("{\"a\":1}");
  }

  @Test
  void malformedJsonNamesFileLineAndColumn() throws IOException {
    Path file = write("bad.json", "{\n  \"a\": 1,\n  }\n");

    assertThatThrownBy(() -> Events.readJson(file))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage(
            file
                + ": line 3, column 3: Unexpected character ('}' (code 125)): was expecting"
                + " double-quote to start field name");
  }

  @Test
  void unclosedArrayNamesWhereItStarted() throws IOException {
    Path file = write("open.json", "{\"a\": [1, 2");

    assertThatThrownBy(() -> Events.readJson(file))
        .hasMessage(
            file
                + ": line 1, column 12: Unexpected end-of-input: expected close marker for Array"
                + " (start marker at line 1, column 7)");
  }

  @Test
  void contentAfterTheDocumentIsRejected() throws IOException {
    Path file = write("two.json", "{\"a\":1}\n{}");

    assertThatThrownBy(() -> Events.readJson(file))
        .hasMessage(
            file
                + ": line 2, column 1: Unexpected content after the JSON value: expected"
                + " end-of-input");
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    Path file = write("empty.json", "");

    assertThatThrownBy(() -> Events.readJson(file))
        .hasMessage(file + ": line 1, column 1: No content: expected a JSON value");
  }

  @Test
  void missingFileIsNamed() {
    Path file = dir.resolve("missing.json");

    assertThatThrownBy(() -> Events.readJson(file))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void invalidUtf8IsRejected() throws IOException {
    Path file = dir.resolve("latin1.json");
    Files.write(file, new byte[] {'"', (byte) 0xE9, '"'});

    assertThatThrownBy(() -> Events.readJson(file)).hasMessage(file + ": not valid UTF-8");
  }

  @Test
  void aReplacementCharacterSpelledOutInValidUtf8IsKept() throws IOException {
    // U+FFFD is what a lenient decoder puts in place of malformed bytes; written out as its own
    // three bytes (EF BF BD) it is valid UTF-8 and part of the event.
    Path file = dir.resolve("replacement.json");
    Files.write(file, "{\"a\":\"\uFFFD\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(Events.readJson(file)).isEqualTo("{\"a\":\"\uFFFD\"}");
  }

  @Test
  void placeholdersAreReplaced() throws IOException {
    Path file =
        write(
            "test.json",
            "{\"identity_id\": \"%IDENTITY_ID%\", \"pool\": \"%IDENTITY_POOL_ID%\","
                + " \"other\": \"%UNKNOWN%\", \"pct\": \"100%\"}");

    String json = Events.readJson(file, Events.placeholders(new Identity(IDENTITY, POOL)));

    assertThat(json)
        .isEqualTo(
            "{\"identity_id\": \""
                + IDENTITY
                + "\", \"pool\": \""
                + POOL
                + "\", \"other\": \"%UNKNOWN%\", \"pct\": \"100%\"}");
  }

  @Test
  void placeholderValuesAreNotExpandedAgain() throws IOException {
    Path file = write("twice.json", "[\"%A%\", \"%B%\"]");

    assertThat(Events.readJson(file, Map.of("A", "%B%", "B", "b"))).isEqualTo("[\"%B%\", \"b\"]");
  }

  @Test
  void errorPositionsReferToTheFileAsWritten() throws IOException {
    Path file = write("shifted.json", "{\"id\": \"%IDENTITY_ID%\", \"x\": }");

    assertThatThrownBy(() -> Events.readJson(file, Map.of(Events.IDENTITY_ID, IDENTITY)))
        .hasMessage(
            file + ": line 1, column 30: Unexpected character ('}' (code 125)): expected a value");
  }

  @Test
  void placeholderOutsideAStringIsCheckedAfterReplacement() throws IOException {
    Path file = write("number.json", "{\"count\": %COUNT%}");

    assertThat(Events.readJson(file, Map.of("COUNT", "42"))).isEqualTo("{\"count\": 42}");
    assertThatThrownBy(() -> Events.readJson(file, Map.of("COUNT", "4 2")))
        .hasMessageStartingWith(file + ": line 1, column 11: ");
  }

  @Test
  void nestingDeeperThanTheParsersLimitNamesLineAndColumn() throws IOException {
    Path file = write("deep.json", "[".repeat(1500) + "]".repeat(1500));

    // The parser stops just after the bracket that opens level 1,001, at column 1,001.
    assertThatThrownBy(() -> Events.readJson(file))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessageStartingWith(
            file + ": line 1, column 1002: Document nesting depth (1001) exceeds the maximum");
  }

  @Test
  void eventsLargerThanTheInvokeApiTakesAreRefusedWithLambdasText() throws IOException {
    String limitText =
        " bytes, the most the Lambda Invoke API takes (Lambda answers"
            + " RequestEntityTooLargeException: Request must be smaller than 6291456 bytes for the"
            + " InvokeFunction operation)";
    String padding = " ".repeat(Events.MAX_PAYLOAD_BYTES - 2);
    Path atTheLimit = write("at-limit.json", "{}" + padding);
    Path overTheLimit = write("over-limit.json", "{}" + padding + " ");
    // An endless stream is read only to one byte past the limit.
    var endless =
        new InputStream() {
          @Override
          public int read() {
            return ' ';
          }
        };

    assertThat(Events.readJson(atTheLimit)).hasSize(Events.MAX_PAYLOAD_BYTES);
    assertThatThrownBy(() -> Events.readJson(overTheLimit))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage(overTheLimit + ": larger than 6291456" + limitText);
    assertThatThrownBy(() -> Events.readJson(endless, "<stdin>", Map.of()))
        .hasMessage("<stdin>: larger than 6291456" + limitText);
    assertThatThrownBy(
            () ->
                Events.readJson(
                    new ByteArrayInputStream(
                        ("[\"%IDENTITY_ID%\"]" + " ".repeat(Events.MAX_PAYLOAD_BYTES - 20))
                            .getBytes(StandardCharsets.UTF_8)),
                    "<stdin>",
                    Map.of(Events.IDENTITY_ID, "us-east-1:" + "0".repeat(36))))
        .hasMessage("<stdin> (with its placeholders replaced): larger than 6291456" + limitText);
  }

  @Test
  void readJsonFromAStreamUsesTheGivenName() {
    var stdin =
        new ByteArrayInputStream("{\"id\":\"%IDENTITY_ID%\"".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> Events.readJson(stdin, "<stdin>", Map.of()))
        .hasMessageStartingWith("<stdin>: line 1, column 22: Unexpected end-of-input");
  }

  @Test
  void readResourceWorksInsideAJar() throws IOException {
    Path jar = dir.resolve("events.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      jarOut.putNextEntry(new JarEntry("events/"));
      jarOut.closeEntry();
      jarOut.putNextEntry(new JarEntry("events/inside.json"));
      jarOut.write("{\"id\": \"%IDENTITY_ID%\"}".getBytes(StandardCharsets.UTF_8));
      jarOut.closeEntry();
      jarOut.putNextEntry(new JarEntry("events/broken.json"));
      jarOut.write("{\"id\" 1}".getBytes(StandardCharsets.UTF_8));
      jarOut.closeEntry();
    }

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(Events.readResource("events/inside.json", loader))
          .isEqualTo("{\"id\": \"%IDENTITY_ID%\"}");
      assertThat(
              Events.readResource(
                  "/events/inside.json", loader, Map.of(Events.IDENTITY_ID, IDENTITY)))
          .isEqualTo("{\"id\": \"" + IDENTITY + "\"}");
      assertThatThrownBy(() -> Events.readResource("events/broken.json", loader))
          .hasMessage(
              "events/broken.json: line 1, column 7: Unexpected character ('1' (code 49)):"
                  + " was expecting a colon to separate field name and value");
      assertThatThrownBy(() -> Events.readResource("events/none.json", loader))
          .isInstanceOf(LambdaConfigurationException.class)
          .hasMessageStartingWith("events/none.json: no such resource on the class path of ");
    }
  }

  @Test
  void loadKeepsAnApiGatewayBodyThatLooksLikeJsonAsAString() throws IOException {
    Path file =
        write(
            "apigw.json",
            """
            {
              "resource": "/hello",
              "path": "/hello",
              "httpMethod": "POST",
              "headers": {"Content-Type": "application/json"},
              "queryStringParameters": {"verbose": "true"},
              "requestContext": {
                "accountId": "123456789012",
                "stage": "dev",
                "identity": {"cognitoIdentityId": "%IDENTITY_ID%", "sourceIp": "127.0.0.1"}
              },
              "body": "{\\"name\\": \\"Ada\\", \\"tags\\": [1, 2]}",
              "isBase64Encoded": false
            }
            """);

    APIGatewayProxyRequestEvent event = Events.load(file, APIGatewayProxyRequestEvent.class);

    assertThat(event.getBody()).isEqualTo("{\"name\": \"Ada\", \"tags\": [1, 2]}");
    assertThat(event.getHttpMethod()).isEqualTo("POST");
    assertThat(event.getQueryStringParameters()).containsEntry("verbose", "true");
    assertThat(event.getRequestContext().getIdentity().getCognitoIdentityId())
        .isEqualTo("%IDENTITY_ID%");
    assertThat(event.getIsBase64Encoded()).isFalse();
  }

  @Test
  void loadAppliesTheRuntimeMixinsOfAnSqsEvent() throws IOException {
    Path file =
        write(
            "sqs.json",
            """
            {
              "Records": [
                {
                  "messageId": "059f36b4-87a3-44ab-83d2-661975830a7d",
                  "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
                  "body": "{\\"orderId\\": 7}",
                  "attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": "1545082649183"},
                  "messageAttributes": {
                    "priority": {"stringValue": "high", "dataType": "String"}
                  },
                  "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
                  "eventSource": "aws:sqs",
                  "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:orders",
                  "awsRegion": "us-east-1"
                }
              ]
            }
            """);

    SQSEvent event = Events.load(file, SQSEvent.class);

    assertThat(event.getRecords()).hasSize(1);
    SQSEvent.SQSMessage message = event.getRecords().get(0);
    assertThat(message.getMessageId()).isEqualTo("059f36b4-87a3-44ab-83d2-661975830a7d");
    assertThat(message.getBody()).isEqualTo("{\"orderId\": 7}");
    // "eventSourceARN" only binds through the runtime's SQS mixin.
    assertThat(message.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:orders");
    assertThat(message.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
    assertThat(message.getMessageAttributes().get("priority").getStringValue()).isEqualTo("high");
  }

  @Test
  void loadIntoAParameterizedType() {
    Map<String, Object> event =
        Events.load(
            "{\"name\": \"Ada\", \"tags\": [1, 2]}", mapType(), EventsTests.class.getClassLoader());

    assertThat(event).containsEntry("name", "Ada").containsEntry("tags", List.of(1, 2));
  }

  @Test
  void loadChecksTheJsonFirst() {
    assertThatThrownBy(() -> Events.load("[1,", mapType(), getClass().getClassLoader()))
        .hasMessageStartingWith("event: line 1, column 4: Unexpected end-of-input");
  }

  @Test
  void loadNamesTheFileAndTypeThatDoNotFit() throws IOException {
    Path file = write("wrong.json", "{\"Records\": \"none\"}");

    assertThatThrownBy(() -> Events.load(file, SQSEvent.class))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessageStartingWith(
            file + ": cannot read as com.amazonaws.services.lambda.runtime.events.SQSEvent: ");
  }

  @Test
  void loadingAFileNamesTheLineAndColumnOfASyntaxError() throws IOException {
    Path file = write("broken.json", "{\n  \"Records\": [\n}");

    assertThatThrownBy(() -> Events.load(file, SQSEvent.class))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessageStartingWith(file + ": line 3, column 1: ");
  }

  @Test
  void loadingAFileRefusesContentAfterTheEventAsLoadingAStringDoes() throws IOException {
    String text = "{\"Records\": []}\n {\"more\": 1}";
    Path file = write("trailing.json", text);

    assertThatThrownBy(() -> Events.load(file, SQSEvent.class))
        .isInstanceOf(LambdaConfigurationException.class)
        .hasMessage(
            file
                + ": line 2, column 2: Unexpected content after the JSON value: expected"
                + " end-of-input");
    assertThatThrownBy(() -> Events.load(text, SQSEvent.class, getClass().getClassLoader()))
        .hasMessage(
            "event: line 2, column 2: Unexpected content after the JSON value: expected"
                + " end-of-input");
  }

  private static Type mapType() {
    try {
      return EventsTests.class.getDeclaredField("mapField").getGenericType();
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
