package dev.lambdalocal.cognito.internal.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Signs Cognito Identity's OpenID tokens with a key pair made for one mock instance, and serves the
 * public key as a JWKS. The tokens look like Cognito's: header {@code
 * {"kid":"us-east-1-6","typ":"JWS","alg":"RS512"}}, claims {@code sub, aud, amr, iss, exp, iat} in
 * that order.
 */
public final class TokenIssuer {

  /** The issuer of every Cognito Identity OpenID token. */
  public static final String ISSUER = "https://cognito-identity.amazonaws.com";

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

  private final KeyPair keyPair;
  private final String keyId;

  /**
   * Generate a 2048-bit RSA key pair (the size Cognito's signatures have).
   *
   * @param region the region, used in the key id as Cognito does
   */
  public TokenIssuer(String region) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.keyPair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot generate RSA keys", e);
    }
    this.keyId = region + "-" + ThreadLocalRandom.current().nextInt(1, 100);
  }

  /** The {@code kid} of every token this issuer signs. */
  public String keyId() {
    return keyId;
  }

  /** The claims of a token this issuer signed and verified. */
  public record Claims(String subject, String audience, List<String> amr, Instant expiration) {}

  /** Sign a token for {@code identityId} in {@code poolId}, valid from {@code now} until exp. */
  public String sign(String identityId, String poolId, List<String> amr, Instant now, Instant exp) {
    ObjectNode header = Json.object().put("kid", keyId).put("typ", "JWS").put("alg", "RS512");
    ObjectNode claims = Json.object().put("sub", identityId).put("aud", poolId);
    ArrayNode amrNode = claims.putArray("amr");
    amr.forEach(amrNode::add);
    claims.put("iss", ISSUER).put("exp", exp.getEpochSecond()).put("iat", now.getEpochSecond());
    String signingInput = encode(Json.write(header)) + "." + encode(Json.write(claims));
    try {
      Signature signature = Signature.getInstance("SHA512withRSA");
      signature.initSign(keyPair.getPrivate());
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign with SHA512withRSA", e);
    }
  }

  /**
   * Verify a token this issuer signed, returning its claims, or null when it is not one of ours
   * (malformed, another key, a bad signature). Expiry is the caller's check.
   */
  public Claims verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      Signature signature = Signature.getInstance("SHA512withRSA");
      signature.initVerify(keyPair.getPublic());
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!signature.verify(BASE64URL_DECODER.decode(parts[2]))) {
        return null;
      }
      JsonNode claims = Json.MAPPER.readTree(BASE64URL_DECODER.decode(parts[1]));
      List<String> amr = new java.util.ArrayList<>();
      claims.path("amr").forEach(value -> amr.add(value.asText()));
      return new Claims(
          claims.path("sub").asText(),
          claims.path("aud").asText(),
          amr,
          Instant.ofEpochSecond(claims.path("exp").asLong()));
    } catch (GeneralSecurityException | IllegalArgumentException | IOException e) {
      // A token that does not even parse is simply not one of ours.
      return null;
    }
  }

  /** Return the public key as a JSON Web Key Set, as Cognito serves its own. */
  public String jwks() {
    RSAPublicKey key = (RSAPublicKey) keyPair.getPublic();
    ObjectNode jwk =
        Json.object()
            .put("kty", "RSA")
            .put("alg", "RS512")
            .put("use", "sig")
            .put("kid", keyId)
            .put("n", BASE64URL.encodeToString(unsigned(key.getModulus())))
            .put("e", BASE64URL.encodeToString(unsigned(key.getPublicExponent())));
    ObjectNode jwks = Json.object();
    jwks.putArray("keys").add(jwk);
    return Json.write(jwks);
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      return java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return bytes;
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
