package dev.lambdalocal.aws.internal.sigv4;

import static dev.lambdalocal.aws.internal.sigv4.SdkSigning.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.aws.internal.sigv4.VerificationResult.Rejected;
import dev.lambdalocal.aws.internal.sigv4.VerificationResult.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** One verifier serves many clients at once, each verified as itself. */
class SigV4ConcurrencyTests {

  private static final int THREADS = 32;
  private static final int REQUESTS_PER_THREAD = 200;

  private final SigV4Verifier verifier =
      SigV4Verifier.builder()
          .credentials(TestCredentials.RESOLVER)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .region(SdkSigning.REGION)
          .build();

  @Test
  void thirtyTwoClientsSigningConcurrentlyAreEachVerifiedOrRefusedCorrectly() throws Exception {
    List<AwsCredentialsIdentity> identities =
        List.of(TestCredentials.ALICE, TestCredentials.BOB, TestCredentials.LONG_TERM);
    List<String> principals = List.of("alice-principal", "bob-principal", "long-term-principal");
    Queue<String> errors = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> clients = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int client = t;
        clients.add(
            pool.submit(
                () -> {
                  start.await();
                  int checked = 0;
                  for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    int who = (client + i) % identities.size();
                    String body = "{\"client\":" + client + ",\"request\":" + i + "}";
                    SigV4Request request =
                        SdkSigning.sign(
                            SdkSigning.request(SdkHttpMethod.POST, "/dev/items/" + client)
                                .putRawQueryParameter("i", Integer.toString(i)),
                            body,
                            identities.get(who),
                            NOW,
                            properties -> {});
                    // Every tenth request is tampered with and must be refused.
                    boolean tamper = i % 10 == 0;
                    if (tamper) {
                      request =
                          SdkSigning.copy(request)
                              .body((body + " ").getBytes(StandardCharsets.UTF_8))
                              .build();
                    }
                    VerificationResult result = verifier.verify(request);
                    boolean correct =
                        tamper
                            ? result instanceof Rejected rejected
                                && rejected.errorType().equals("InvalidSignatureException")
                            : result.equals(
                                new Verified(
                                    principals.get(who), identities.get(who).accessKeyId()));
                    if (!correct) {
                      errors.add("client " + client + " request " + i + ": " + result);
                    }
                    checked++;
                  }
                  return checked;
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> client : clients) {
        total += client.get(60, TimeUnit.SECONDS);
      }

      assertThat(errors).isEmpty();
      assertThat(total).isEqualTo(THREADS * REQUESTS_PER_THREAD);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
