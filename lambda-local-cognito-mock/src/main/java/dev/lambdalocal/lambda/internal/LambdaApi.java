package dev.lambdalocal.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.AwsError;
import dev.lambdalocal.aws.internal.protocol.Input;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda API's REST-JSON operations (https://docs.aws.amazon.com/lambda/latest/api/), one
 * request at a time, without authentication: {@link LambdaEndpoint} verifies signatures first.
 * Thread-safe.
 */
public final class LambdaApi {

  private static final Pattern FUNCTIONS = Pattern.compile("/2015-03-31/functions/?");
  private static final Pattern FUNCTION =
      Pattern.compile(
          "/2015-03-31/functions/([^/]+)(?:/(configuration|code|versions|aliases|invocations)"
              + "(?:/([^/]+))?)?/?");

  private final FunctionStore store;
  private final FunctionRunners runners;
  private final Invoker invoker;
  private final FunctionRequests requests;
  private final String codeBase;

  /**
   * Serve {@code store}'s functions, run by {@code runners} through {@code invoker}; {@code
   * codeBase} is the URL under which {@link LambdaEndpoint} serves packages ({@code GetFunction}'s
   * {@code Code.Location}).
   */
  public LambdaApi(FunctionStore store, FunctionRunners runners, Invoker invoker, String codeBase) {
    this.store = store;
    this.runners = runners;
    this.invoker = invoker;
    this.requests = new FunctionRequests(store.names());
    this.codeBase = codeBase;
  }

  /** Answer one request with the Lambda API's response or error. */
  public ServiceResponse handle(HttpCall call) {
    try {
      return route(call);
    } catch (ApiError error) {
      return LambdaResponses.error(error);
    } catch (AwsError error) {
      return LambdaResponses.error(new ApiError(error.code(), error.status(), error.getMessage()));
    } catch (RuntimeException e) {
      return LambdaResponses.error(ApiError.service("lambda-local failed: " + e));
    }
  }

  private ServiceResponse route(HttpCall call) {
    String verb = call.verb();
    String path = call.rawPath();
    if (FUNCTIONS.matcher(path).matches()) {
      return switch (verb) {
        case "POST" -> createFunction(call);
        case "GET" -> listFunctions(call);
        default -> throw ApiError.unknownOperation(verb, path);
      };
    }
    Matcher matcher = FUNCTION.matcher(path);
    if (!matcher.matches()) {
      throw ApiError.unknownOperation(verb, path);
    }
    String functionName = HttpCall.decode(matcher.group(1));
    String resource = matcher.group(2) == null ? "" : matcher.group(2);
    String child = matcher.group(3) == null ? null : HttpCall.decode(matcher.group(3));
    String route = verb + " " + resource + (child == null ? "" : "/");
    FunctionNames.Parsed target = requests.target(functionName, call.query("Qualifier"));
    return switch (route) {
      case "GET " -> getFunction(target);
      case "DELETE " -> deleteFunction(target);
      case "GET configuration" ->
          ok(configuration(store.resolve(name(target), target.qualifier())));
      case "PUT configuration" -> updateConfiguration(target, call);
      case "PUT code" -> updateCode(target, call);
      case "POST versions" -> publishVersion(target, call);
      case "GET versions" -> listVersions(target);
      case "POST aliases" -> createAlias(target, call);
      case "GET aliases" -> listAliases(target);
      case "GET aliases/" -> ok(aliasJson(target, store.alias(name(target), child)));
      case "PUT aliases/" -> updateAlias(target, child, call);
      case "DELETE aliases/" -> {
        store.deleteAlias(name(target), child);
        yield LambdaResponses.empty(204);
      }
      case "POST invocations" -> invoke(target, call);
      default -> throw ApiError.unknownOperation(verb, path);
    };
  }

  private String name(FunctionNames.Parsed target) {
    if (target.foreign()) {
      throw ApiError.functionNotFound(store.names().arn(target.name(), target.qualifier()));
    }
    return target.name();
  }

  private ServiceResponse createFunction(HttpCall call) {
    if (call.body().length > ApiError.MAX_CODE_REQUEST) {
      throw ApiError.requestTooLarge("CreateFunction", ApiError.MAX_CODE_REQUEST);
    }
    Input input = new Input(Json.parseObject(call.body()));
    FunctionRequests.Create create = requests.create(input);
    FunctionCode code = FunctionCode.extract(create.zip());
    FunctionStore.View view;
    try {
      view = store.create(create.name(), create.settings(), code);
    } catch (RuntimeException e) {
      code.close();
      throw e;
    }
    ObjectNode body = configuration(view);
    store.settle(create.name());
    if (create.publish()) {
      body = configuration(store.publish(create.name(), null, null));
    }
    return json(201, body);
  }

  private ServiceResponse listFunctions(HttpCall call) {
    List<FunctionStore.View> all = store.list();
    if ("ALL".equals(call.query("FunctionVersion").orElse(null))) {
      all = all.stream().flatMap(v -> store.versions(v.version().name()).stream()).toList();
    }
    int start = parseInt(call.query("Marker").orElse("0"), "Marker");
    int max = parseInt(call.query("MaxItems").orElse("50"), "MaxItems");
    ObjectNode body = Json.object();
    ArrayNode functions = body.putArray("Functions");
    int end = Math.min(all.size(), start + Math.max(1, Math.min(max, 50)));
    for (int i = start; i < end; i++) {
      functions.add(configuration(all.get(i)));
    }
    if (end < all.size()) {
      body.put("NextMarker", Integer.toString(end));
    }
    return ok(body);
  }

  private static int parseInt(String value, String member) {
    try {
      return Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      throw ApiError.invalidParameter("Invalid " + member + ": " + value);
    }
  }

  private ServiceResponse getFunction(FunctionNames.Parsed target) {
    FunctionStore.View view = store.resolve(name(target), target.qualifier());
    ObjectNode body = Json.object();
    body.set("Configuration", configuration(view));
    FunctionVersion version = view.version();
    body.putObject("Code")
        .put("RepositoryType", "S3")
        .put("Location", codeBase + CodeDownloads.path(version));
    return ok(body);
  }

  private ServiceResponse deleteFunction(FunctionNames.Parsed target) {
    String name = name(target);
    store.delete(name, target.qualifier());
    if (target.qualifier() == null) {
      runners.discardAll(name);
    }
    return LambdaResponses.empty(204);
  }

  private ServiceResponse updateConfiguration(FunctionNames.Parsed target, HttpCall call) {
    String name = name(target);
    Input input = new Input(Json.parseObject(call.body()));
    FunctionSettings settings = requests.updatedSettings(store.latest(name), input);
    FunctionStore.View view = store.updateConfiguration(name, settings, input.string("RevisionId"));
    ObjectNode body = configuration(view);
    store.settle(name);
    return ok(body);
  }

  private ServiceResponse updateCode(FunctionNames.Parsed target, HttpCall call) {
    if (call.body().length > ApiError.MAX_CODE_REQUEST) {
      throw ApiError.requestTooLarge("UpdateFunctionCode", ApiError.MAX_CODE_REQUEST);
    }
    String name = name(target);
    Input input = new Input(Json.parseObject(call.body()));
    byte[] zip = requests.zipFile(input.string("ZipFile"), input.string("S3Bucket"));
    store.latest(name);
    FunctionCode code = FunctionCode.extract(zip);
    FunctionStore.View view;
    try {
      view = store.updateCode(name, code, input.string("RevisionId"));
    } catch (RuntimeException e) {
      code.close();
      throw e;
    }
    ObjectNode body = configuration(view);
    store.settle(name);
    if (Boolean.TRUE.equals(input.bool("Publish"))) {
      body = configuration(store.publish(name, null, null));
    }
    return ok(body);
  }

  private ServiceResponse publishVersion(FunctionNames.Parsed target, HttpCall call) {
    Input input = new Input(Json.parseObject(call.body()));
    FunctionStore.View view =
        store.publish(name(target), input.string("Description"), input.string("CodeSha256"));
    return json(201, configuration(view));
  }

  private ServiceResponse listVersions(FunctionNames.Parsed target) {
    ObjectNode body = Json.object();
    ArrayNode versions = body.putArray("Versions");
    store.versions(name(target)).forEach(v -> versions.add(configuration(v)));
    return ok(body);
  }

  private ServiceResponse createAlias(FunctionNames.Parsed target, HttpCall call) {
    Input input = new Input(Json.parseObject(call.body()));
    FunctionRequests.checkAlias(input.string("Name"), input.string("FunctionVersion"));
    AliasRecord alias =
        store.createAlias(
            name(target),
            input.string("Name"),
            input.string("FunctionVersion"),
            input.string("Description"));
    return json(201, aliasJson(target, alias));
  }

  private ServiceResponse listAliases(FunctionNames.Parsed target) {
    ObjectNode body = Json.object();
    ArrayNode aliases = body.putArray("Aliases");
    store.aliases(name(target)).forEach(alias -> aliases.add(aliasJson(target, alias)));
    return ok(body);
  }

  private ServiceResponse updateAlias(FunctionNames.Parsed target, String alias, HttpCall call) {
    Input input = new Input(Json.parseObject(call.body()));
    AliasRecord updated =
        store.updateAlias(
            name(target),
            alias,
            input.string("FunctionVersion"),
            input.string("Description"),
            input.string("RevisionId"));
    return ok(aliasJson(target, updated));
  }

  private ServiceResponse invoke(FunctionNames.Parsed target, HttpCall call) {
    String name = name(target);
    String qualifier = target.qualifier();
    FunctionStore.View view = store.resolve(name, qualifier);
    boolean alias =
        qualifier != null
            && !qualifier.equals(FunctionVersion.LATEST)
            && !qualifier.chars().allMatch(Character::isDigit);
    return invoker.invoke(call, view, alias ? qualifier : null);
  }

  private ObjectNode aliasJson(FunctionNames.Parsed target, AliasRecord alias) {
    return FunctionJson.alias(store.names(), target.name(), alias);
  }

  private ObjectNode configuration(FunctionStore.View view) {
    return FunctionJson.configuration(store.names(), view);
  }

  private static ServiceResponse ok(JsonNode body) {
    return json(200, body);
  }

  private static ServiceResponse json(int status, JsonNode body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
    return new ServiceResponse(status, headers, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }
}
