package dev.lambdalocal.cognito.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.cognito.IdentityPool;
import dev.lambdalocal.cognito.internal.token.Jwts;
import dev.lambdalocal.cognito.internal.token.TokenIssuer;
import java.time.Instant;
import java.util.List;

/**
 * Turns one entry of a {@code Logins} map into the user it names, as Cognito does: the provider
 * must be one the pool supports, and the token must be valid for it. Third-party tokens are decoded
 * but their signatures are not checked (the mock has no access to Google's or a user pool's keys).
 */
final class Logins {

  /** The provider name of tokens Cognito Identity issued itself (the developer flow). */
  static final String COGNITO_IDENTITY = "cognito-identity.amazonaws.com";

  static final String NOT_SUPPORTED =
      "Token is not from a supported provider of this identity pool.";

  /**
   * A login resolved to a user.
   *
   * @param provider the provider name (the {@code Logins} key)
   * @param subject who the provider says the user is; for our own tokens, the identity id
   * @param amr this login's entries in the {@code amr} claim
   * @param cognitoToken whether this is an OpenID token of ours rather than a provider's login
   */
  record Resolved(String provider, String subject, List<String> amr, boolean cognitoToken) {}

  /** Where a login is presented: which providers and tokens the operation accepts. */
  enum Use {
    GET_ID,
    CREDENTIALS,
    DEVELOPER
  }

  private final TokenIssuer issuer;

  Logins(TokenIssuer issuer) {
    this.issuer = issuer;
  }

  Resolved resolve(IdentityPool pool, String provider, String token, Use use, Instant now) {
    if (use == Use.DEVELOPER && provider.equals(pool.developerProviderName())) {
      String entry = provider + ":" + pool.identityPoolId() + ":" + token;
      return new Resolved(provider, token, List.of(provider, entry), false);
    }
    if (provider.equals(COGNITO_IDENTITY)) {
      return cognitoToken(pool, token, use, now);
    }
    for (IdentityPool.UserPoolProvider userPool : pool.cognitoIdentityProviders()) {
      if (userPool.providerName().equals(provider)) {
        return userPoolToken(userPool, token, now);
      }
    }
    if (pool.supportedLoginProviders().containsKey(provider)
        || pool.samlProviderArns().contains(provider)) {
      JsonNode claims = Jwts.claims(token);
      String subject = token;
      if (claims != null && claims.hasNonNull("sub")) {
        checkExpiry(claims, now);
        subject = claims.get("sub").asText();
      }
      return of(provider, subject);
    }
    for (String arn : pool.openIdConnectProviderArns()) {
      if (arn.endsWith(":oidc-provider/" + provider)) {
        JsonNode claims = openIdClaims(token, now);
        return of(provider, required(claims, "sub"));
      }
    }
    throw AwsError.notAuthorized(NOT_SUPPORTED);
  }

  private Resolved cognitoToken(IdentityPool pool, String token, Use use, Instant now) {
    if (use != Use.CREDENTIALS) {
      throw AwsError.notAuthorized("Invalid login token. Can't pass in a Cognito token.");
    }
    TokenIssuer.Claims claims = issuer.verify(token);
    if (claims == null) {
      throw invalidToken();
    }
    if (!now.isBefore(claims.expiration())) {
      throw expired(now, claims.expiration().getEpochSecond());
    }
    if (!claims.audience().equals(pool.identityPoolId())) {
      throw AwsError.notAuthorized(NOT_SUPPORTED);
    }
    List<String> amr =
        claims.amr().isEmpty() ? List.of() : claims.amr().subList(1, claims.amr().size());
    return new Resolved(COGNITO_IDENTITY, claims.subject(), amr, true);
  }

  private static Resolved userPoolToken(
      IdentityPool.UserPoolProvider userPool, String token, Instant now) {
    JsonNode claims = openIdClaims(token, now);
    if (!("https://" + userPool.providerName()).equals(claims.path("iss").asText())) {
      throw AwsError.notAuthorized("Invalid login token. Issuer doesn't match providerName");
    }
    String audience = required(claims, "aud");
    if (!audience.equals(userPool.clientId())) {
      throw AwsError.notAuthorized(NOT_SUPPORTED);
    }
    String subject = required(claims, "sub");
    String provider = userPool.providerName();
    return new Resolved(
        provider, subject, List.of(provider, provider + ":CognitoSignIn:" + subject), false);
  }

  private static JsonNode openIdClaims(String token, Instant now) {
    JsonNode claims = Jwts.claims(token);
    if (claims == null) {
      throw invalidToken();
    }
    checkExpiry(claims, now);
    return claims;
  }

  private static void checkExpiry(JsonNode claims, Instant now) {
    if (claims.hasNonNull("exp") && now.getEpochSecond() >= claims.get("exp").asLong()) {
      throw expired(now, claims.get("exp").asLong());
    }
  }

  private static String required(JsonNode claims, String claim) {
    JsonNode value = claims.get(claim);
    if (value == null || value.isNull()) {
      throw AwsError.notAuthorized("Invalid login token. Missing a required claim: " + claim);
    }
    return value.asText();
  }

  private static AwsError invalidToken() {
    return AwsError.notAuthorized(
        "Invalid login token. Not a valid OpenId Connect identity token.");
  }

  private static AwsError expired(Instant now, long expiration) {
    return AwsError.notAuthorized(
        "Invalid login token. Token expired: " + now.getEpochSecond() + " >= " + expiration);
  }

  private static Resolved of(String provider, String subject) {
    return new Resolved(provider, subject, List.of(provider, provider + ":" + subject), false);
  }
}
