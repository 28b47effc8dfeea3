package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Issues a receipt for a payment: {@code {"amount": "12.50"}} answers {@code {"receiptId":
 * "<uuid>", "issuedAt": "<instant>", "amount": "12.50"}}.
 *
 * <p>The time and the id come from a {@link Clock} and an id supplier that the constructor takes,
 * so that tests inject fixed ones (no static mocking of {@code UUID.randomUUID()} or {@code
 * Instant.now()}); Lambda calls the no-argument constructor, which uses the real ones.
 */
public class ReceiptFunc implements RequestHandler<Map<String, String>, Map<String, String>> {

  private final Clock clock;
  private final Supplier<UUID> ids;

  /** Create the handler as Lambda does: the system clock, random ids. */
  public ReceiptFunc() {
    this(Clock.systemUTC(), UUID::randomUUID);
  }

  /**
   * Create the handler with its clock and ids.
   *
   * @param clock gives the time of issue
   * @param ids gives the receipts' ids
   */
  public ReceiptFunc(Clock clock, Supplier<UUID> ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /** Issue one receipt. */
  @Override
  public Map<String, String> handleRequest(Map<String, String> payment, Context context) {
    Map<String, String> receipt = new LinkedHashMap<>();
    receipt.put("receiptId", ids.get().toString());
    receipt.put("issuedAt", clock.instant().toString());
    receipt.put("amount", payment.get("amount"));
    return receipt;
  }
}
