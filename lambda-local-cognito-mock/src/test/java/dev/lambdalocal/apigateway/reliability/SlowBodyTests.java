package dev.lambdalocal.apigateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalocal.apigateway.ApiGatewayMock;
import dev.lambdalocal.apigateway.ApiGatewayMock.Authorization;
import dev.lambdalocal.apigateway.IamAuthorizer;
import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.core.Identity;
import dev.lambdalocal.core.LocalLambda;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/**
 * Clients that send a request body a byte at a time never keep the API from answering others (issue
 * 15, item 6): while they trickle, signed requests of a normal client get their answers, and the
 * server closes the slow connections once their bodies are overdue.
 */
class SlowBodyTests {

  /** More slow clients than WireMock's Jetty has threads by default (25). */
  private static final int SLOW_CLIENTS = 40;

  private static final int NORMAL_REQUESTS = 8;

  @Test
  void signedRequestsAreAnsweredWhileSlowClientsTrickleTheirBodies() throws Exception {
    CountingHandler handler = new CountingHandler();
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try (LocalLambda function = LocalLambda.builder().handlerInstance(handler).quiet(true).build();
        CognitoMock cognito = CognitoMock.builder().start();
        ApiGatewayMock api =
            ApiGatewayMock.restApi()
                .stage("dev")
                .route("POST", "/secure/{id}", function, Authorization.AWS_IAM)
                .iamAuthorizer(IamAuthorizer.sigV4(cognito))
                .start()) {
      Identity identity = cognito.getId();
      AwsSessionCredentialsIdentity credentials;
      try (CognitoIdentityClient client = cognito.createClient()) {
        Credentials issued =
            client
                .getCredentialsForIdentity(r -> r.identityId(identity.identityId()))
                .credentials();
        credentials =
            AwsSessionCredentialsIdentity.create(
                issued.accessKeyId(), issued.secretKey(), issued.sessionToken());
      }
      int port = api.baseUri().getPort();
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = socket.getOutputStream();
        // Headers whole, then the first byte of a body that would take hours at this pace.
        out.write(
            ("POST /dev/secure/slow"
                    + i
                    + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port
                    + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        slow.add(socket);
      }
      trickle.scheduleAtFixedRate(
          () -> {
            for (Socket socket : slow) {
              try {
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
              } catch (IOException closedByTheServer) {
                // A server that gives up on a slow client closes its connection: that is allowed.
              }
            }
          },
          100,
          100,
          TimeUnit.MILLISECONDS);

      HttpClient client = SignedRequest.newClient();
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int n = 0; n < NORMAL_REQUESTS; n++) {
        SignedRequest request =
            SignedRequest.sign(
                "POST",
                api.baseUri().resolve("secure/" + n),
                Map.of("Content-Type", "application/json"),
                "{\"n\":" + n + "}",
                credentials,
                cognito.region(),
                Clock.systemUTC());
        // Each waits at most 30 s (SignedRequest.send): generous, it only turns a hang into a
        // failure.
        answers.add(CompletableFuture.supplyAsync(() -> request.send(client)));
      }
      for (int n = 0; n < NORMAL_REQUESTS; n++) {
        HttpResponse<String> response = answers.get(n).get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body())
            .isEqualTo(
                CountingHandler.expectedBody("POST", Integer.toString(n), identity.identityId()));
      }
      // The server gives each body 10 s, then closes the connection, however fast it trickles.
      for (Socket socket : slow) {
        socket.setSoTimeout(60_000);
        assertThat(closedByTheServer(socket)).as("the server closed a slow client").isTrue();
      }
      assertThat(handler.invocations).hasValue(NORMAL_REQUESTS);
    } finally {
      trickle.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  /** Read to the end of what the server sends; false if it kept the connection for 60 s. */
  private static boolean closedByTheServer(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // An error response, if any, before the end of the stream.
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
