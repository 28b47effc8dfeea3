package dev.lambdalocal.account.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import dev.lambdalocal.aws.internal.server.LoopbackServers;
import dev.lambdalocal.aws.internal.server.MountedService;
import dev.lambdalocal.aws.internal.server.ServiceRequest;
import dev.lambdalocal.aws.internal.sigv4.RequestHeaders;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The local HTTP API of the AWS Parameters and Secrets Lambda Extension, one per port and JVM:
 * {@code GET /secretsmanager/get?secretId=…} and {@code GET /systemsmanager/parameters/get?name=…},
 * each request carrying the function's {@code AWS_SESSION_TOKEN} in {@code
 * X-Aws-Parameters-Secrets-Token}. The token names the execution environment and so the offline
 * account whose stores answer, which lets several accounts (test classes running in parallel) share
 * the port. Sources: "Use AWS Secrets Manager secrets in AWS Lambda functions"
 * (https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html) and
 * "Using Parameter Store parameters in AWS Lambda functions"
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-integration-lambda-extensions.html).
 */
public final class ExtensionServer {

  /** The header the extension requires. */
  public static final String TOKEN_HEADER = "X-Aws-Parameters-Secrets-Token";

  /** The extension's default port. */
  public static final int DEFAULT_PORT = 2773;

  /** The stores behind one session token. */
  public record Backend(MountedService secretsManager, MountedService ssm, Object principal) {}

  private static final Map<Integer, ExtensionServer> SERVERS = new LinkedHashMap<>();

  private final HttpServer server;
  private final Map<String, Backend> sessions = new ConcurrentHashMap<>();
  private int users;

  private ExtensionServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Return the server on {@code port}, starting it if this JVM has none there yet.
   *
   * @throws IllegalStateException naming the port when another process holds it
   */
  public static synchronized ExtensionServer acquire(int port) {
    ExtensionServer existing = SERVERS.get(port);
    if (existing != null) {
      existing.users++;
      return existing;
    }
    HttpServer http;
    try {
      http =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByName(LoopbackServers.LOOPBACK), port), 50);
    } catch (BindException e) {
      throw new IllegalStateException(
          "Cannot start the Parameters and Secrets Lambda Extension's local API on "
              + LoopbackServers.LOOPBACK
              + ":"
              + port
              + ": the port is in use by another process (a real extension, or another"
              + " lambda-local JVM). Choose another with OfflineAccount.Builder.extensionPort(…);"
              + " functions find it in PARAMETERS_SECRETS_EXTENSION_HTTP_PORT.",
          e);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start the extension's local API on port " + port, e);
    }
    ExtensionServer created = new ExtensionServer(http);
    http.createContext("/", created::handle);
    http.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "lambda-local-extension-" + port);
              thread.setDaemon(true);
              return thread;
            }));
    http.start();
    created.users = 1;
    SERVERS.put(http.getAddress().getPort(), created);
    return created;
  }

  /** Return the bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Answer requests made with {@code sessionToken} from {@code backend}. */
  public void register(String sessionToken, Backend backend) {
    sessions.put(sessionToken, backend);
  }

  /** Forget the sessions of {@code backend}; stop the server when nobody uses it any more. */
  public void release(Backend backend) {
    sessions.values().removeIf(b -> b == backend);
    synchronized (ExtensionServer.class) {
      if (--users == 0) {
        SERVERS.remove(port());
        server.stop(0);
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, message("Method not allowed"));
        return;
      }
      String token = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
      Backend backend = token == null ? null : sessions.get(token);
      if (backend == null) {
        // The extension refuses a request without the function's session token.
        send(
            exchange,
            401,
            message(
                "Unauthorized: "
                    + TOKEN_HEADER
                    + " must be the function's"
                    + " AWS_SESSION_TOKEN"));
        return;
      }
      ServiceResponse response;
      if (path.equals("/secretsmanager/get")) {
        String secretId = query.get("secretId");
        if (secretId == null) {
          send(exchange, 400, message("secretId is required"));
          return;
        }
        var body = Json.object().put("SecretId", secretId);
        putIfPresent(body, "VersionId", query.get("versionId"));
        putIfPresent(body, "VersionStage", query.get("versionStage"));
        response = call(backend.secretsManager(), "secretsmanager.GetSecretValue", body, backend);
      } else if (path.equals("/systemsmanager/parameters/get")) {
        String name = query.get("name");
        if (name == null) {
          send(exchange, 400, message("name is required"));
          return;
        }
        String selector = query.containsKey("version") ? name + ":" + query.get("version") : name;
        var body =
            Json.object()
                .put("Name", selector)
                .put("WithDecryption", "true".equalsIgnoreCase(query.get("withDecryption")));
        response = call(backend.ssm(), "AmazonSSM.GetParameter", body, backend);
      } else {
        send(exchange, 404, message("Not found: " + path));
        return;
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      send(exchange, response.status(), response.body());
    }
  }

  private static void putIfPresent(
      com.fasterxml.jackson.databind.node.ObjectNode body, String field, String value) {
    if (value != null) {
      body.put(field, value);
    }
  }

  private static ServiceResponse call(
      MountedService service,
      String target,
      com.fasterxml.jackson.databind.node.ObjectNode body,
      Backend backend) {
    return service.handle(
        new ServiceRequest(
            "POST",
            "/",
            "",
            RequestHeaders.builder().add("X-Amz-Target", target).build(),
            Json.write(body).getBytes(StandardCharsets.UTF_8),
            backend.principal()));
  }

  private static byte[] message(String text) {
    return ("{\"message\":" + Json.quote(text) + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      query.putIfAbsent(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }
}
