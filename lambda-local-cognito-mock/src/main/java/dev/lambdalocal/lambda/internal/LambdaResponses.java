package dev.lambdalocal.lambda.internal;

import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The Lambda API's error documents and empty answers. */
final class LambdaResponses {

  private LambdaResponses() {}

  /**
   * Return AWS's answer to {@code error}: the type in {@code x-amzn-ErrorType}, and the modeled
   * exceptions' {@code {"Type":"User","Message":"…"}} body, as captured in aarondfrancis/sidecar#23
   * and github-aws-runners/terraform-aws-github-runner#2269; request-authentication and validation
   * errors carry {@code {"message":"…"}}.
   */
  static ServiceResponse error(ApiError error) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
    headers.put("x-amzn-ErrorType", error.type());
    String body;
    if (error.modeled()) {
      String type = error.status() >= 500 ? "Service" : "User";
      body = "{\"Type\":\"" + type + "\",\"Message\":" + Json.quote(error.getMessage()) + "}";
    } else {
      body = "{\"message\":" + Json.quote(error.getMessage()) + "}";
    }
    return new ServiceResponse(error.status(), headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Return an answer without body, e.g. DeleteFunction's 204. */
  static ServiceResponse empty(int status) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
    return new ServiceResponse(status, headers, new byte[0]);
  }
}
