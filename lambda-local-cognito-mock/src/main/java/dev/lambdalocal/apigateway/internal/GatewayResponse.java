package dev.lambdalocal.apigateway.internal;

import dev.lambdalocal.apigateway.ApiGatewayMock.ApiType;
import dev.lambdalocal.apigateway.IamAuthorizer.Decision.Denied;
import dev.lambdalocal.aws.internal.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP response of the API: a function's proxy response, or one of API Gateway's own answers.
 *
 * <p>The texts of API Gateway's answers, and where they were checked:
 *
 * <ul>
 *   <li>REST unknown route: 403 {@code {"message":"Missing Authentication Token"}}, {@code
 *       MissingAuthenticationTokenException} (AWS's 403 troubleshooting article; responses quoted
 *       in pulumi/pulumi-cloud#123 and DataBiosphere/azul#7470).
 *   <li>REST function error or malformed proxy response: 502 {@code {"message": "Internal server
 *       error"}} with a space after the colon (AWS Lambda guide "Handling Lambda errors with an API
 *       Gateway API"; a real 502 with {@code content-length: 36} and {@code x-amzn-errortype:
 *       InternalServerErrorException} in aws-amplify/amplify-js#6931).
 *   <li>REST integration timeout: 504 {@code {"message": "Endpoint request timed out"}} with {@code
 *       x-amzn-ErrorType: InternalServerErrorException} (ks888/LambStatus#36 for the body; a public
 *       {@code curl -v} capture of a real REST API timeout, API {@code k1k7gu3ct7} in us-east-1,
 *       May 2025, for both: {@code content-length: 41}, {@code x-amzn-errortype:
 *       InternalServerErrorException}, after 29.2 s).
 *   <li>HTTP API unknown route: 404 {@code {"message":"Not Found"}}; function error: 500 {@code
 *       {"message":"Internal Server Error"}} (AWS's HTTP API Lambda troubleshooting guide; real
 *       responses with all their headers and {@code content-length: 35} in
 *       rioastamal/workshop-serverless); timeout: 503 {@code {"message":"Service Unavailable"}} (a
 *       real HTTP API 503 of {@code content-length: 33} in cortexlabs/cortex#1225). HTTP APIs send
 *       no {@code x-amzn-ErrorType}.
 *   <li>REST request body over 10 MB: 413 {@code text; charset=utf-8} {@code HTTP content length
 *       exceeded 10485760 bytes.} without request ids; event over Lambda's 6 MB: 413 {@code
 *       {"message": "Request Too Long"}} with {@code x-amzn-errortype: BadRequestException} (both
 *       real captures with every header, {@code content-length: 44} and {@code 31}, in
 *       koki-develop/lgtm-generator#10, September 2021).
 *   <li>Not verified, chosen in HTTP API's style: 413 {@code {"message":"Request Entity Too
 *       Large"}} for both limits, and 400 {@code {"message":"Bad Request"}} for a path whose
 *       decoding fails (a live capture in hotsock/voker shows the 400, not its body).
 * </ul>
 *
 * @param status the HTTP status
 * @param headers header names to values; a name with several values is sent several times
 * @param body the body bytes
 */
record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {

  static final String INTERNAL_SERVER_ERROR_EXCEPTION = "InternalServerErrorException";

  /** API Gateway's payload limit for a request: 10 MB, 10,485,760 bytes. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** API Gateway's answer to a request body over {@link #MAX_BODY_BYTES}. */
  static GatewayResponse bodyTooLarge(ApiType type) {
    if (type == ApiType.HTTP) {
      return entityTooLarge();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("text; charset=utf-8"));
    return new GatewayResponse(
        413,
        headers,
        ("HTTP content length exceeded " + MAX_BODY_BYTES + " bytes.")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** API Gateway's answer when the event is over Lambda's synchronous payload limit. */
  static GatewayResponse eventTooLarge(ApiType type) {
    return type == ApiType.REST
        ? error(413, "BadRequestException", "{\"message\": \"Request Too Long\"}")
        : entityTooLarge();
  }

  /** HTTP API's answer to a path it cannot decode. */
  static GatewayResponse badPath() {
    return error(400, null, "{\"message\":\"Bad Request\"}");
  }

  private static GatewayResponse entityTooLarge() {
    return error(413, null, "{\"message\":\"Request Entity Too Large\"}");
  }

  /** API Gateway's answer to a request that matches no route. */
  static GatewayResponse noRoute(ApiType type) {
    return type == ApiType.REST
        ? error(
            403,
            "MissingAuthenticationTokenException",
            "{\"message\":\"Missing Authentication Token\"}")
        : error(404, null, "{\"message\":\"Not Found\"}");
  }

  /** API Gateway's answer to a function error or a malformed proxy response. */
  static GatewayResponse integrationError(ApiType type) {
    return type == ApiType.REST
        ? error(502, INTERNAL_SERVER_ERROR_EXCEPTION, "{\"message\": \"Internal server error\"}")
        : error(500, null, "{\"message\":\"Internal Server Error\"}");
  }

  /** API Gateway's answer when the function does not answer within the integration timeout. */
  static GatewayResponse integrationTimeout(ApiType type) {
    return type == ApiType.REST
        ? error(
            504, INTERNAL_SERVER_ERROR_EXCEPTION, "{\"message\": \"Endpoint request timed out\"}")
        : error(503, null, "{\"message\":\"Service Unavailable\"}");
  }

  /** The answer to a request IAM authorization refused. */
  static GatewayResponse denied(ApiType type, Denied denied) {
    String body = "{\"message\":" + Json.quote(denied.message()) + "}";
    return error(denied.status(), type == ApiType.REST ? denied.errorType() : null, body);
  }

  /** Return a copy with the request-id headers API Gateway adds to every response. */
  GatewayResponse withRequestIds(ApiType type, Ids ids) {
    Map<String, List<String>> all = new LinkedHashMap<>(headers);
    if (type == ApiType.REST) {
      all.put("x-amzn-RequestId", List.of(ids.requestId()));
      all.put("x-amz-apigw-id", List.of(ids.extendedRequestId()));
    } else {
      all.put("apigw-requestid", List.of(ids.extendedRequestId()));
    }
    return new GatewayResponse(status, all, body);
  }

  private static GatewayResponse error(int status, String errorType, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", new ArrayList<>(List.of("application/json")));
    if (errorType != null) {
      headers.put("x-amzn-ErrorType", List.of(errorType));
    }
    return new GatewayResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }
}
