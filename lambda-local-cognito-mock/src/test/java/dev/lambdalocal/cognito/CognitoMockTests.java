package dev.lambdalocal.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

class CognitoMockTests {

  @Test
  void aMockListensOnLoopbackWithADefaultPool() {
    try (CognitoMock cognito = CognitoMock.builder().start()) {
      assertThat(cognito.endpoint().toString()).isEqualTo("http://127.0.0.1:" + cognito.port());
      assertThat(cognito.region()).isEqualTo("us-east-1");
      assertThat(cognito.accountId()).isEqualTo("123456789012");
      assertThat(cognito.defaultIdentityPoolId()).startsWith("us-east-1:");
      assertThat(cognito.identityPools())
          .singleElement()
          .satisfies(
              pool -> {
                assertThat(pool.identityPoolName()).isEqualTo("lambda_local");
                assertThat(pool.allowUnauthenticatedIdentities()).isTrue();
              });
    }
  }

  @Test
  void twoMocksHaveTheirOwnPortsAndState() {
    try (CognitoMock first = CognitoMock.builder().start();
        CognitoMock second = CognitoMock.builder().start();
        CognitoIdentityClient client = first.createClient()) {
      assertThat(first.port()).isNotEqualTo(second.port());
      assertThat(first.defaultIdentityPoolId()).isNotEqualTo(second.defaultIdentityPoolId());
      client.getCredentialsForIdentity(
          r ->
              r.identityId(
                  client.getId(g -> g.identityPoolId(first.defaultIdentityPoolId())).identityId()));
      assertThat(first.issuedCredentials()).hasSize(1);
      assertThat(second.issuedCredentials()).isEmpty();
    }
  }

  @Test
  void aGivenPortIsUsedAndReleasedOnClose() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (CognitoMock cognito = CognitoMock.builder().port(port).start()) {
      assertThat(cognito.port()).isEqualTo(port);
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
  }

  @Test
  void aBusyPortIsReportedByNumber() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = socket.getLocalPort();
      assertThatThrownBy(() -> CognitoMock.builder().port(port).start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Cannot start the Cognito mock on 127.0.0.1:" + port);
    }
  }

  @Test
  void aPoolIdOfAnotherRegionIsRefusedByName() {
    assertThatThrownBy(
            () ->
                CognitoMock.builder()
                    .region("eu-central-1")
                    .identityPool(
                        IdentityPool.builder()
                            .identityPoolId("us-east-1:11111111-1111-4111-8111-111111111111")
                            .build())
                    .start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "identity pool id us-east-1:11111111-1111-4111-8111-111111111111 is not of the form"
                + " eu-central-1:<uuid>");
  }

  @Test
  void badBuilderValuesAreRefusedByName() {
    assertThatThrownBy(() -> CognitoMock.builder().region("mars"))
        .hasMessage("region is not an AWS region name: mars");
    assertThatThrownBy(() -> CognitoMock.builder().accountId("42"))
        .hasMessage("accountId must be 12 digits, was 42");
    assertThatThrownBy(() -> CognitoMock.builder().port(70000))
        .hasMessage("port must be 0..65535, was 70000");
  }

  @Test
  void theRegionIsTheSdkClientsAndThePoolsPrefix() {
    try (CognitoMock cognito = CognitoMock.builder().region("ap-southeast-2").start();
        CognitoIdentityClient client = cognito.createClient()) {
      String identityId =
          client.getId(r -> r.identityPoolId(cognito.defaultIdentityPoolId())).identityId();

      assertThat(identityId).startsWith("ap-southeast-2:");
      assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("ap-southeast-2");
      assertThat(client.serviceClientConfiguration().endpointOverride())
          .hasValue(cognito.endpoint());
    }
  }
}
