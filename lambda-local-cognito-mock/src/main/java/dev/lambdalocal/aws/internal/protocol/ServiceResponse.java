package dev.lambdalocal.aws.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An HTTP response as Cognito Identity sends it: status, headers and an AWS JSON 1.1 body.
 *
 * @param status the HTTP status
 * @param headers the response headers, in order
 * @param body the body bytes (UTF-8 JSON, possibly empty)
 */
public record ServiceResponse(int status, Map<String, String> headers, byte[] body) {

  /** The content type of every AWS JSON 1.1 response. */
  public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  /** Return a 200 response with {@code json} as its body. */
  public static ServiceResponse ok(String json) {
    return new ServiceResponse(200, baseHeaders(), json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Return the response AWS sends for {@code error}: {@code __type} and {@code message} in the
   * body, the type in {@code x-amzn-ErrorType} (with the trailing colon AWS leaves after it) and
   * the message in {@code x-amzn-ErrorMessage}.
   */
  public static ServiceResponse error(AwsError error) {
    Map<String, String> headers = baseHeaders();
    headers.put("x-amzn-ErrorType", error.code() + ":");
    StringBuilder body = new StringBuilder("{\"__type\":").append(Json.quote(error.code()));
    if (error.getMessage() != null) {
      headers.put("x-amzn-ErrorMessage", error.getMessage());
      body.append(",\"message\":").append(Json.quote(error.getMessage()));
    }
    body.append('}');
    return new ServiceResponse(
        error.status(), headers, body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> baseHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", CONTENT_TYPE);
    headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
    return headers;
  }
}
