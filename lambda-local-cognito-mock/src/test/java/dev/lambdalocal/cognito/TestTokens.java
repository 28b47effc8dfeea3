package dev.lambdalocal.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;

/** Makes ID tokens the way a Cognito user pool (or another OpenID provider) shapes them. */
final class TestTokens {

  static final String USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1";
  static final String CLIENT_ID = "3n4b5urk1ft4fl3mg5e62d9ado";

  private static final RSAKey KEY;

  static {
    try {
      KEY = new RSAKeyGenerator(2048).keyID("test").generate();
    } catch (JOSEException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TestTokens() {}

  /** A user pool ID token for {@code sub}, valid for an hour from {@code issuedAt}. */
  static String idToken(String sub, Instant issuedAt) {
    return token(
        new JWTClaimsSet.Builder()
            .subject(sub)
            .issuer("https://" + USER_POOL)
            .audience(CLIENT_ID)
            .claim("token_use", "id")
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plusSeconds(3600)))
            .build());
  }

  static String token(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
      jwt.sign(new RSASSASigner(KEY));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
