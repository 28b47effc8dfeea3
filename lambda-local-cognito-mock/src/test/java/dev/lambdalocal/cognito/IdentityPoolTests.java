package dev.lambdalocal.cognito;

import static dev.lambdalocal.cognito.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.CreateIdentityPoolResponse;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityPoolResponse;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityDescription;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityPoolShortDescription;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.ListIdentitiesResponse;
import software.amazon.awssdk.services.cognitoidentity.model.ListIdentityPoolsResponse;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

class IdentityPoolTests {

  static final Instant NOW = Instant.parse("2030-03-03T03:03:03.333Z");

  CognitoMock cognito;
  CognitoIdentityClient client;

  @BeforeEach
  void start() {
    cognito = CognitoMock.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
    client = cognito.createClient();
  }

  @AfterEach
  void stop() {
    client.close();
    cognito.close();
  }

  @Test
  void aCreatedPoolIsDescribedAsItWasCreated() {
    CreateIdentityPoolResponse created =
        client.createIdentityPool(
            r ->
                r.identityPoolName("My Pool")
                    .allowUnauthenticatedIdentities(false)
                    .developerProviderName("login.example")
                    .supportedLoginProviders(Map.of("accounts.google.com", "client.apps"))
                    .cognitoIdentityProviders(
                        CognitoIdentityProvider.builder()
                            .providerName("cognito-idp.us-east-1.amazonaws.com/us-east-1_abc")
                            .clientId("appclient")
                            .serverSideTokenCheck(false)
                            .build())
                    .identityPoolTags(Map.of("team", "payments")));

    DescribeIdentityPoolResponse described =
        client.describeIdentityPool(r -> r.identityPoolId(created.identityPoolId()));

    assertThat(created.identityPoolId()).matches("us-east-1:[0-9a-f-]{36}");
    assertThat(described.identityPoolName()).isEqualTo("My Pool");
    assertThat(described.allowUnauthenticatedIdentities()).isFalse();
    assertThat(described.allowClassicFlow()).isFalse();
    assertThat(described.developerProviderName()).isEqualTo("login.example");
    assertThat(described.supportedLoginProviders())
        .containsExactly(Map.entry("accounts.google.com", "client.apps"));
    assertThat(described.cognitoIdentityProviders())
        .extracting(CognitoIdentityProvider::providerName, CognitoIdentityProvider::clientId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", "appclient"));
    assertThat(described.identityPoolTags()).containsExactly(Map.entry("team", "payments"));
    assertThat(cognito.identityPool(created.identityPoolId())).isPresent();
  }

  @Test
  void theDefaultPoolIsListedWithItsRoles() {
    ListIdentityPoolsResponse pools = client.listIdentityPools(r -> r.maxResults(60));

    assertThat(pools.identityPools())
        .extracting(
            IdentityPoolShortDescription::identityPoolId,
            IdentityPoolShortDescription::identityPoolName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(cognito.defaultIdentityPoolId(), "lambda_local"));
    assertThat(pools.nextToken()).isNull();
    assertThat(
            client
                .getIdentityPoolRoles(r -> r.identityPoolId(cognito.defaultIdentityPoolId()))
                .roles())
        .containsOnly(
            Map.entry(
                "authenticated", "arn:aws:iam::123456789012:role/Cognito_lambda_localAuth_Role"),
            Map.entry(
                "unauthenticated",
                "arn:aws:iam::123456789012:role/Cognito_lambda_localUnauth_Role"));
  }

  @Test
  void listIdentityPoolsPagesWithNextToken() {
    for (int i = 0; i < 4; i++) {
      int n = i;
      client.createIdentityPool(
          r -> r.identityPoolName("pool" + n).allowUnauthenticatedIdentities(true));
    }
    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListIdentityPoolsResponse page =
          client.listIdentityPools(r -> r.maxResults(2).nextToken(next));
      page.identityPools().forEach(pool -> names.add(pool.identityPoolName()));
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(names).containsExactly("lambda_local", "pool0", "pool1", "pool2", "pool3");
  }

  @Test
  void aForeignNextTokenIsAnInvalidParameter() {
    assertAwsError(
        () -> client.listIdentityPools(r -> r.maxResults(10).nextToken("bm90LW91cnM")),
        InvalidParameterException.class,
        "InvalidParameterException",
        "Invalid pagination token.");
  }

  @Test
  void maxResultsIsRequiredAndBounded() {
    assertAwsError(
        () -> client.listIdentityPools(r -> r.maxResults(61)),
        CognitoIdentityException.class,
        "ValidationException",
        "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint:"
            + " Member must have value less than or equal to 60");
    assertAwsError(
        () -> client.listIdentityPools(r -> {}),
        CognitoIdentityException.class,
        "ValidationException",
        "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint:"
            + " Member must not be null");
  }

  @Test
  void aPoolNameOutsideThePatternFailsValidation() {
    assertAwsError(
        () ->
            client.createIdentityPool(
                r -> r.identityPoolName("bad/name").allowUnauthenticatedIdentities(true)),
        CognitoIdentityException.class,
        "ValidationException",
        "1 validation error detected: Value 'bad/name' at 'identityPoolName' failed to satisfy"
            + " constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+");
  }

  @Test
  void aDeletedPoolIsGoneWithItsIdentities() {
    String poolId = cognito.defaultIdentityPoolId();
    String identityId = client.getId(r -> r.identityPoolId(poolId)).identityId();

    client.deleteIdentityPool(r -> r.identityPoolId(poolId));

    assertAwsError(
        () -> client.describeIdentityPool(r -> r.identityPoolId(poolId)),
        ResourceNotFoundException.class,
        "ResourceNotFoundException",
        "IdentityPool '" + poolId + "' not found.");
    assertAwsError(
        () -> client.describeIdentity(r -> r.identityId(identityId)),
        ResourceNotFoundException.class,
        "ResourceNotFoundException",
        "Identity '" + identityId + "' not found.");
    assertAwsError(
        () -> client.deleteIdentityPool(r -> r.identityPoolId(poolId)),
        ResourceNotFoundException.class,
        "ResourceNotFoundException",
        "IdentityPool '" + poolId + "' not found.");
    assertThat(cognito.identityPools()).isEmpty();
  }

  @Test
  void identitiesAreListedAndDescribedWithTheirDates() {
    String poolId = cognito.defaultIdentityPoolId();
    String first = client.getId(r -> r.identityPoolId(poolId)).identityId();
    String second = client.getId(r -> r.identityPoolId(poolId)).identityId();

    ListIdentitiesResponse page =
        client.listIdentities(r -> r.identityPoolId(poolId).maxResults(1));
    ListIdentitiesResponse rest =
        client.listIdentities(
            r -> r.identityPoolId(poolId).maxResults(1).nextToken(page.nextToken()));

    assertThat(page.identityPoolId()).isEqualTo(poolId);
    assertThat(page.identities())
        .extracting(IdentityDescription::identityId)
        .containsExactly(first);
    assertThat(rest.identities())
        .extracting(IdentityDescription::identityId)
        .containsExactly(second);
    assertThat(rest.nextToken()).isNull();
    var response = client.describeIdentity(r -> r.identityId(first));
    assertThat(response.identityId()).isEqualTo(first);
    assertThat(response.creationDate()).isEqualTo(NOW);
    assertThat(response.lastModifiedDate()).isEqualTo(NOW);
    assertThat(response.hasLogins()).isFalse();
  }

  @Test
  void rolesAreReplacedBySetIdentityPoolRoles() {
    String poolId = cognito.defaultIdentityPoolId();

    client.setIdentityPoolRoles(
        r ->
            r.identityPoolId(poolId)
                .roles(Map.of("authenticated", "arn:aws:iam::123456789012:role/Members")));

    assertThat(client.getIdentityPoolRoles(r -> r.identityPoolId(poolId)).roles())
        .containsOnly(Map.entry("authenticated", "arn:aws:iam::123456789012:role/Members"));
    assertAwsError(
        () ->
            client.setIdentityPoolRoles(
                r ->
                    r.identityPoolId(poolId)
                        .roles(Map.of("admin", "arn:aws:iam::123456789012:role/Admin"))),
        CognitoIdentityException.class,
        "ValidationException",
        "1 validation error detected: Value '{admin=arn:aws:iam::123456789012:role/Admin}' at"
            + " 'roles' failed to satisfy constraint: Map keys must satisfy constraint: [Member"
            + " must satisfy regular expression pattern: (un)?authenticated]");
  }
}
