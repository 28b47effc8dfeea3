package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.core.LocalLambda;
import dev.lambdalocal.junit.LocalLambdaExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ReceiptFunc} with a fixed clock and a fixed id, injected by the factory: exact receipts
 * without static mocking.
 */
// tag::clock[]
class ReceiptFuncTests {

  static final Clock MAY_DAY = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);
  static final UUID RECEIPT_ID = UUID.fromString("6f1c2b9e-4d1a-4c3e-9a57-0b8e5d2f7c10");

  @RegisterExtension
  static LocalLambdaExtension receipts =
      LocalLambdaExtension.builder()
          .handler(ReceiptFunc.class, () -> new ReceiptFunc(MAY_DAY, () -> RECEIPT_ID))
          .build();

  @Test
  void issuesAReceiptWithTheInjectedTimeAndId(LocalLambda lambda) {
    assertThat(lambda.invokeJson("{\"amount\":\"12.50\"}").payloadAsString())
        .isEqualTo(
            "{\"receiptId\":\"6f1c2b9e-4d1a-4c3e-9a57-0b8e5d2f7c10\","
                + "\"issuedAt\":\"2026-05-01T12:00:00Z\",\"amount\":\"12.50\"}");
  }
}
// end::clock[]
