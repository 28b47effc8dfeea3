package dev.lambdalocal.apigateway.internal;

import dev.lambdalocal.apigateway.ApiGatewayMock.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The routes of one API and API Gateway's choice among them: the most specific path wins (a literal
 * segment over a {@code {param}}, a {@code {param}} over a greedy {@code {proxy+}}), then a route
 * of the request's method over an {@code ANY} route.
 */
public final class RouteTable {

  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9._-]+)(\\+?)}");
  private static final Pattern LITERAL = Pattern.compile("[^{}/]+");

  private final List<Compiled> routes = new ArrayList<>();

  /**
   * Compile {@code routes}.
   *
   * @throws IllegalArgumentException naming a method and path given twice
   */
  public RouteTable(List<Route> routes) {
    Set<String> keys = new HashSet<>();
    for (Route route : routes) {
      Compiled compiled = Compiled.of(route);
      if (!keys.add(route.method() + " " + compiled.shape())) {
        throw new IllegalArgumentException(
            "route " + route.method() + " " + route.path() + " is given twice");
      }
      this.routes.add(compiled);
    }
  }

  /**
   * Check a path template as API Gateway does when a resource or route is created.
   *
   * @throws IllegalArgumentException naming the template and what is wrong with it
   */
  public static void validateTemplate(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("route path must start with '/': " + path);
    }
    List<String> segments = segments(path);
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      var parameter = PARAMETER.matcher(segment);
      if (parameter.matches()) {
        if (!parameter.group(2).isEmpty() && i != segments.size() - 1) {
          throw new IllegalArgumentException(
              "a greedy path variable must be the last segment: " + path);
        }
      } else if (!LITERAL.matcher(segment).matches()) {
        throw new IllegalArgumentException(
            "route path segment '" + segment + "' is neither a name nor {param}: " + path);
      }
    }
  }

  /** Return whether there is no route at all. */
  public boolean isEmpty() {
    return routes.isEmpty();
  }

  /** Return the routes in the order given. */
  public List<Route> routes() {
    return routes.stream().map(Compiled::route).toList();
  }

  /**
   * Find the route of a request.
   *
   * @param method the request's method
   * @param segments the decoded path segments after the stage
   * @return the route and its path parameters, or empty when API Gateway has no route for it
   */
  public Optional<Match> match(String method, List<String> segments) {
    return match(method, segments, segments);
  }

  /**
   * Find the route of a request whose path parameters take their values from other segments than
   * those matched: REST APIs match decoded segments but pass the parameters still percent-encoded.
   *
   * @param method the request's method
   * @param segments the decoded path segments after the stage, matched against the templates
   * @param values the segments the parameters' values come from, as many as {@code segments}
   * @return the route and its path parameters, or empty when API Gateway has no route for it
   */
  public Optional<Match> match(String method, List<String> segments, List<String> values) {
    Match best = null;
    String bestRank = null;
    for (Compiled compiled : routes) {
      String routeMethod = compiled.route().method();
      if (!routeMethod.equals(method) && !routeMethod.equals("ANY")) {
        continue;
      }
      Map<String, String> parameters = compiled.match(segments, values);
      if (parameters == null) {
        continue;
      }
      String rank = compiled.rank() + (routeMethod.equals("ANY") ? "1" : "0");
      if (bestRank == null || rank.compareTo(bestRank) < 0) {
        best = new Match(compiled.route(), parameters);
        bestRank = rank;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Split a path on {@code /}, dropping the leading empty segment and one trailing slash. */
  public static List<String> segments(String path) {
    List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
    if (!segments.isEmpty() && segments.get(0).isEmpty()) {
      segments.remove(0);
    }
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    return segments;
  }

  /**
   * A route chosen for a request.
   *
   * @param route the route
   * @param pathParameters its path variables in template order
   */
  public record Match(Route route, Map<String, String> pathParameters) {}

  private record Compiled(Route route, List<String> template) {

    static Compiled of(Route route) {
      return new Compiled(route, segments(route.path()));
    }

    /** The template with variable names erased: {@code /pets/{}}. */
    String shape() {
      StringBuilder shape = new StringBuilder();
      for (String segment : template) {
        var parameter = PARAMETER.matcher(segment);
        shape.append('/').append(parameter.matches() ? "{" + parameter.group(2) + "}" : segment);
      }
      return shape.toString();
    }

    /** One character per segment, lower is more specific: 0 literal, 1 variable, 2 greedy. */
    String rank() {
      StringBuilder rank = new StringBuilder();
      for (String segment : template) {
        var parameter = PARAMETER.matcher(segment);
        rank.append(!parameter.matches() ? '0' : parameter.group(2).isEmpty() ? '1' : '2');
      }
      // Longer templates are more specific at the same prefix; pad so '3' sorts after any class.
      return rank.append("3").toString();
    }

    Map<String, String> match(List<String> segments, List<String> values) {
      Map<String, String> parameters = new LinkedHashMap<>();
      for (int i = 0; i < template.size(); i++) {
        var parameter = PARAMETER.matcher(template.get(i));
        boolean isParameter = parameter.matches();
        if (isParameter && !parameter.group(2).isEmpty()) {
          if (i >= segments.size()) {
            return null;
          }
          parameters.put(
              parameter.group(1) + "+", String.join("/", values.subList(i, values.size())));
          return greedy(parameters);
        }
        if (i >= segments.size()) {
          return null;
        }
        String segment = segments.get(i);
        if (isParameter) {
          if (segment.isEmpty()) {
            return null;
          }
          parameters.put(parameter.group(1), values.get(i));
        } else if (!template.get(i).equals(segment)) {
          return null;
        }
      }
      return template.size() == segments.size() ? parameters : null;
    }

    /** API Gateway names a greedy variable without its {@code +}: {@code {proxy+}} → proxy. */
    private static Map<String, String> greedy(Map<String, String> parameters) {
      Map<String, String> renamed = new LinkedHashMap<>();
      parameters.forEach((name, value) -> renamed.put(name.replaceFirst("\\+$", ""), value));
      return renamed;
    }
  }
}
