package dev.lambdalocal.apigateway;

import dev.lambdalocal.cognito.CognitoMock;
import dev.lambdalocal.cognito.IssuedCredentials;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a request to an {@code AWS_IAM} route of an {@link ApiGatewayMock} may reach its
 * function, as API Gateway's IAM authorization does before the integration runs.
 *
 * <p>An {@link Decision.Allowed} whose principal is an {@link IssuedCredentials} makes the mock
 * fill {@code requestContext.identity} (REST) or {@code requestContext.authorizer.iam} (HTTP API)
 * as API Gateway does for a Cognito Identity caller; a {@link Decision.Denied} is sent to the
 * client as API Gateway's JSON error, and the function is not invoked.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface IamAuthorizer {

  /**
   * Decide about one request.
   *
   * @param request the request exactly as it arrived
   * @return the decision; never null
   */
  Decision authorize(Request request);

  /**
   * Return the authorizer of an API nobody configured: every request is refused with API Gateway's
   * answer to an unsigned request, 403 {@code {"message":"Missing Authentication Token"}}.
   *
   * @return the deny-all authorizer
   */
  static IamAuthorizer denyAll() {
    return request -> Decision.Denied.missingAuthenticationToken();
  }

  /**
   * Return API Gateway's IAM authorization for callers signed in through {@code cognito}: every
   * request must carry a valid Signature Version 4 signature (header or presigned query, service
   * {@code execute-api}, the mock's region, within 5 minutes of its clock) made with credentials
   * the mock issued and that have not expired. The caller is the credentials' Cognito identity.
   * Requests that fail are refused with API Gateway's status, {@code x-amzn-ErrorType} and message.
   *
   * @param cognito the Cognito mock whose credentials sign the requests
   * @return the authorizer
   */
  static IamAuthorizer sigV4(CognitoMock cognito) {
    return new dev.lambdalocal.apigateway.internal.SigV4Authorizer(cognito);
  }

  /**
   * One HTTP request as it reached API Gateway, in the raw form SigV4 is computed over.
   *
   * @param method the HTTP method as sent, e.g. {@code GET}
   * @param rawPath the path as sent, percent-encoding and stage included, e.g. {@code /dev/a%20b}
   * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
   * @param headers the headers in the order received, names as sent, each with all its values
   * @param body the body bytes; empty when there is none
   * @since 0.1.0
   */
  record Request(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body) {

    /** Create a request; the headers and body are copied. */
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(rawPath, "rawPath");
      rawQuery = rawQuery == null ? "" : rawQuery;
      Map<String, List<String>> copy = new LinkedHashMap<>();
      headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
      headers = Collections.unmodifiableMap(copy);
      body = body == null ? new byte[0] : body.clone();
    }

    /** Return a copy of the body. */
    @Override
    public byte[] body() {
      return body.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Request that
          && method.equals(that.method)
          && rawPath.equals(that.rawPath)
          && rawQuery.equals(that.rawQuery)
          && headers.equals(that.headers)
          && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
      return Objects.hash(method, rawPath, rawQuery, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
      return method
          + " "
          + rawPath
          + (rawQuery.isEmpty() ? "" : "?" + rawQuery)
          + " "
          + headers.keySet()
          + " ("
          + body.length
          + " body bytes)";
    }
  }

  /**
   * What IAM authorization decided.
   *
   * @since 0.1.0
   */
  sealed interface Decision permits Decision.Allowed, Decision.Denied {

    /**
     * Let the request through.
     *
     * @param principal who signed: an {@link IssuedCredentials} of the Cognito mock (the event then
     *     carries that Cognito identity), or any other object (the event's identity then carries
     *     only the source IP and user agent)
     * @since 0.1.0
     */
    record Allowed(Object principal) implements Decision {

      /** Create the decision; the principal is required. */
      public Allowed {
        Objects.requireNonNull(principal, "principal");
      }
    }

    /**
     * Refuse the request with API Gateway's JSON error.
     *
     * @param status the HTTP status, 403 for every SigV4 failure
     * @param errorType the {@code x-amzn-ErrorType} header, e.g. {@code
     *     MissingAuthenticationTokenException}
     * @param message the {@code message} of the body {@code {"message":"…"}}
     * @since 0.1.0
     */
    record Denied(int status, String errorType, String message) implements Decision {

      /** Create the decision; every field is required. */
      public Denied {
        if (status < 400 || status > 599) {
          throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
        }
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(message, "message");
      }

      /**
       * Return API Gateway's answer to a request without any authentication.
       *
       * @return 403, {@code MissingAuthenticationTokenException}, {@code Missing Authentication
       *     Token}
       */
      public static Denied missingAuthenticationToken() {
        return new Denied(
            403, "MissingAuthenticationTokenException", "Missing Authentication Token");
      }
    }
  }
}
