package dev.lambdalocal.apigateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.apigateway.IamAuthorizer;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.LocalLambda;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/**
 * Many clients at once against one API: every request, open or SigV4-signed, gets its own correct
 * answer, and closing the API, the Cognito mock and the functions ends every thread they started.
 */
class ConcurrentLoadTests {

  private static final int REQUESTS = 10_000;
  private static final int CLIENTS = 32;
  private static final int IDENTITIES = 4;

  /** Prefixes of the threads our servers and functions start: ours, and Jetty's pools. */
  private static final List<String> SERVER_THREAD_PREFIXES = List.of("lambda-local-", "qtp");

  @Test
  void tenThousandRequestsFromThirtyTwoClientsAllSucceedAndLeaveNoThreads() throws Exception {
    Set<Thread> baseline = serverThreads();
    CountingHandler open = new CountingHandler();
    CountingHandler secure = new CountingHandler();
    List<Thread> started;
    try (LocalLambda openFunction =
            LocalLambda.builder().handlerInstance(open).quiet(true).build();
        LocalLambda secureFunction =
            LocalLambda.builder().handlerInstance(secure).quiet(true).build();
        CognitoMock cognito = CognitoMock.builder().start();
        ApiGatewayMock api =
            ApiGatewayMock.restApi()
                .stage("dev")
                .route("GET", "/open/{id}", openFunction)
                .route("POST", "/secure/{id}", secureFunction, Authorization.AWS_IAM)
                .iamAuthorizer(IamAuthorizer.sigV4(cognito))
                .start()) {
      List<Identity> identities = new ArrayList<>();
      List<AwsSessionCredentialsIdentity> credentials = new ArrayList<>();
      try (CognitoIdentityClient identityClient = cognito.createClient()) {
        for (int i = 0; i < IDENTITIES; i++) {
          Identity identity = cognito.getId();
          Credentials issued =
              identityClient
                  .getCredentialsForIdentity(r -> r.identityId(identity.identityId()))
                  .credentials();
          identities.add(identity);
          credentials.add(
              AwsSessionCredentialsIdentity.create(
                  issued.accessKeyId(), issued.secretKey(), issued.sessionToken()));
        }
      }
      HttpClient client = SignedRequest.newClient();
      AtomicInteger succeeded = new AtomicInteger();
      Queue<String> failures = new ConcurrentLinkedQueue<>();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int c = 0; c < CLIENTS; c++) {
        int first = c;
        clients.execute(
            () -> {
              for (int n = first; n < REQUESTS; n += CLIENTS) {
                String id = Integer.toString(n);
                SignedRequest request;
                String expected;
                if (n % 2 == 0) {
                  URI uri = api.baseUri().resolve("open/" + id);
                  request = SignedRequest.unsigned("GET", uri, Map.of(), "");
                  expected = CountingHandler.expectedBody("GET", id, null);
                } else {
                  int who = (n / 2) % IDENTITIES;
                  request =
                      SignedRequest.sign(
                          "POST",
                          api.baseUri().resolve("secure/" + id + "?n=" + id),
                          Map.of("Content-Type", "application/json"),
                          "{\"n\":" + id + "}",
                          credentials.get(who),
                          cognito.region(),
                          Clock.systemUTC());
                  expected =
                      CountingHandler.expectedBody("POST", id, identities.get(who).identityId());
                }
                try {
                  HttpResponse<String> response = request.send(client);
                  if (response.statusCode() == 200 && response.body().equals(expected)) {
                    succeeded.incrementAndGet();
                  } else {
                    failures.add(
                        request.method()
                            + " "
                            + request.uri()
                            + " -> "
                            + response.statusCode()
                            + " "
                            + response.body());
                  }
                } catch (RuntimeException e) {
                  failures.add(request.method() + " " + request.uri() + " -> " + e);
                }
              }
            });
      }
      clients.shutdown();
      // Generous: the run takes seconds; this bound only keeps a hang from blocking the build.
      assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).as("clients finished").isTrue();

      assertThat(failures).as("failed requests").isEmpty();
      assertThat(succeeded).hasValue(REQUESTS);
      assertThat(open.invocations).hasValue(REQUESTS / 2);
      assertThat(secure.invocations).hasValue(REQUESTS / 2);
      started = new ArrayList<>(serverThreads());
      started.removeAll(baseline);
      assertThat(started).as("threads the servers and functions started").isNotEmpty();
    }

    List<String> leaked = awaitEnd(serverThreads(), baseline, Duration.ofSeconds(30));
    assertThat(leaked).as("threads still alive after closing").isEmpty();
  }

  /** Wait, until the deadline, for every thread not in {@code baseline} to end; return the rest. */
  private static List<String> awaitEnd(Set<Thread> threads, Set<Thread> baseline, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    for (Thread thread : threads) {
      if (!baseline.contains(thread)) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        thread.join(Math.max(1, remaining));
      }
    }
    return serverThreads().stream()
        .filter(thread -> !baseline.contains(thread))
        .map(thread -> thread.getName() + " (" + thread.getState() + ")")
        .collect(Collectors.toList());
  }

  private static Set<Thread> serverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(
            thread -> SERVER_THREAD_PREFIXES.stream().anyMatch(p -> thread.getName().startsWith(p)))
        .collect(Collectors.toSet());
  }
}
