package dev.lambdalocal.aws.internal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdalocal.aws.internal.sigv4.VerificationResult.Rejected;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationResultTests {

  @Test
  void theBodyIsApiGatewaysJsonMessage() {
    Rejected rejected =
        new Rejected(403, "MissingAuthenticationTokenException", "Missing Authentication Token");

    assertThat(rejected.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }

  @Test
  void theBodyEscapesWhatJsonRequires() throws Exception {
    String message = "line\n'quoted' \"double\" back\\slash tab\t\u0001 é";
    Rejected rejected = new Rejected(403, "InvalidSignatureException", message);

    Map<?, ?> parsed = new ObjectMapper().readValue(rejected.body(), Map.class);

    assertThat(parsed).isEqualTo(Map.of("message", message));
    assertThat(rejected.body()).contains("line\\n'quoted' \\\"double\\\"");
  }
}
