package dev.lambdalocal.aws.internal.sigv4;

import java.util.ArrayList;
import java.util.List;

/** The parameters of a raw query string, decoded, in the order they were sent. */
final class QueryParameters {

  /** One {@code name=value} pair; a name sent without {@code =} has an empty value. */
  record Parameter(String name, String value) {}

  private final List<Parameter> parameters;

  private QueryParameters(List<Parameter> parameters) {
    this.parameters = parameters;
  }

  static QueryParameters parse(String rawQuery) {
    List<Parameter> parameters = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.add(
          new Parameter(
              UriEncoding.decodeQueryComponent(name), UriEncoding.decodeQueryComponent(value)));
    }
    return new QueryParameters(List.copyOf(parameters));
  }

  List<Parameter> all() {
    return parameters;
  }

  /** Return the first value of a parameter (names are case-sensitive), or null if absent. */
  String first(String name) {
    for (Parameter parameter : parameters) {
      if (parameter.name().equals(name)) {
        return parameter.value();
      }
    }
    return null;
  }

  int count(String name) {
    int count = 0;
    for (Parameter parameter : parameters) {
      if (parameter.name().equals(name)) {
        count++;
      }
    }
    return count;
  }

  boolean contains(String name) {
    return first(name) != null;
  }
}
