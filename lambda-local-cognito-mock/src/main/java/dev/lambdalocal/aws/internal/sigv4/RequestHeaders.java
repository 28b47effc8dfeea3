package dev.lambdalocal.aws.internal.sigv4;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The headers of a request: an immutable multimap whose names compare case-insensitively and which
 * keeps the order in which names and values arrived.
 */
public final class RequestHeaders {

  private static final RequestHeaders EMPTY = new RequestHeaders(new LinkedHashMap<>());

  // Keyed by lower-cased name; each entry keeps the name as first seen and its values in order.
  private final Map<String, Header> headers;

  private RequestHeaders(Map<String, Header> headers) {
    this.headers = headers;
  }

  /** Return headers with no entries. */
  public static RequestHeaders empty() {
    return EMPTY;
  }

  /**
   * Return headers holding every value of {@code headers}, in the map's iteration order.
   *
   * @param headers names to values; names that differ only in case are merged
   */
  public static RequestHeaders of(Map<String, ? extends Collection<String>> headers) {
    Builder builder = builder();
    headers.forEach((name, values) -> values.forEach(value -> builder.add(name, value)));
    return builder.build();
  }

  /** Return a builder for headers. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Return the first value of a header.
   *
   * @param name the header name, in any case
   */
  public Optional<String> first(String name) {
    Header header = headers.get(key(name));
    return header == null ? Optional.empty() : Optional.of(header.values.get(0));
  }

  /**
   * Return every value of a header, in arrival order.
   *
   * @param name the header name, in any case
   * @return the values, empty when the header is absent
   */
  public List<String> all(String name) {
    Header header = headers.get(key(name));
    return header == null ? List.of() : header.values;
  }

  /**
   * Return whether the header is present, with any value (even an empty one).
   *
   * @param name the header name, in any case
   */
  public boolean contains(String name) {
    return headers.containsKey(key(name));
  }

  /** Return the header names as first seen, in arrival order. */
  public List<String> names() {
    List<String> names = new ArrayList<>(headers.size());
    headers.values().forEach(header -> names.add(header.name));
    return Collections.unmodifiableList(names);
  }

  /** Return the headers as an ordered map of names (as first seen) to values. */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    headers.values().forEach(header -> map.put(header.name, header.values));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RequestHeaders that && asMap().equals(that.asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private record Header(String name, List<String> values) {}

  /** Builds {@link RequestHeaders}; not thread-safe. */
  public static final class Builder {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Add one value of a header, after any values already added under that name.
     *
     * @param name the header name, in any case
     * @param value the value as received; may be empty
     */
    public Builder add(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      String key = key(name);
      names.putIfAbsent(key, name);
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      return this;
    }

    /** Return the headers added so far. */
    public RequestHeaders build() {
      Map<String, Header> headers = new LinkedHashMap<>();
      values.forEach(
          (key, list) -> headers.put(key, new Header(names.get(key), List.copyOf(list))));
      return new RequestHeaders(headers);
    }
  }
}
