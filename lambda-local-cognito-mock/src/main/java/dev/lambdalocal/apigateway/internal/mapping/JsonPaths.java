package dev.lambdalocal.apigateway.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONPath as API Gateway's {@code $input.json(x)} and {@code $input.path(x)} evaluate it (Jayway
 * JsonPath, which AWS's mapping template reference links to): {@code $}, {@code .name}, {@code
 * ['name']}, {@code [n]} (negative from the end), {@code [*]}/{@code .*}, {@code ..name}, {@code
 * [a,b]} and {@code [start:end]}. A path with a wildcard, a deep scan, a union or a slice is
 * indefinite and yields a list of every match; a definite path yields its node or nothing. Filter
 * expressions ({@code [?(…)]}) are not emulated and fail with a message that says so.
 */
final class JsonPaths {

  private static final int MAX_CACHED = 1_000;
  private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

  private JsonPaths() {}

  /**
   * Evaluate {@code path} on {@code root}.
   *
   * @return the node a definite path names (null when there is none), or an array of every node an
   *     indefinite path matches
   * @throws IllegalArgumentException naming the path when it is malformed or uses a filter
   */
  static JsonNode evaluate(String path, JsonNode root) {
    Compiled compiled = CACHE.get(path);
    if (compiled == null) {
      compiled = compile(path);
      if (CACHE.size() > MAX_CACHED) {
        CACHE.clear();
      }
      CACHE.put(path, compiled);
    }
    List<JsonNode> current = List.of(root);
    for (Step step : compiled.steps()) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        step.apply(node, next);
      }
      current = next;
    }
    if (compiled.definite()) {
      return current.isEmpty() ? null : current.get(0);
    }
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    current.forEach(all::add);
    return all;
  }

  private record Compiled(List<Step> steps, boolean definite) {}

  private interface Step {
    void apply(JsonNode node, List<JsonNode> out);
  }

  private record Field(String name) implements Step {
    @Override
    public void apply(JsonNode node, List<JsonNode> out) {
      if (node.isObject() && node.has(name)) {
        out.add(node.get(name));
      }
    }
  }

  private record Index(int index) implements Step {
    @Override
    public void apply(JsonNode node, List<JsonNode> out) {
      if (node.isArray()) {
        int at = index < 0 ? node.size() + index : index;
        if (at >= 0 && at < node.size()) {
          out.add(node.get(at));
        }
      }
    }
  }

  private record Slice(Integer start, Integer end) implements Step {
    @Override
    public void apply(JsonNode node, List<JsonNode> out) {
      if (!node.isArray()) {
        return;
      }
      int size = node.size();
      int from = start == null ? 0 : start < 0 ? Math.max(0, size + start) : Math.min(start, size);
      int to = end == null ? size : end < 0 ? Math.max(0, size + end) : Math.min(end, size);
      for (int i = from; i < to; i++) {
        out.add(node.get(i));
      }
    }
  }

  private record Union(List<Step> members) implements Step {
    @Override
    public void apply(JsonNode node, List<JsonNode> out) {
      members.forEach(member -> member.apply(node, out));
    }
  }

  private record Wildcard() implements Step {
    @Override
    public void apply(JsonNode node, List<JsonNode> out) {
      if (node.isContainerNode()) {
        node.elements().forEachRemaining(out::add);
      }
    }
  }

  /** {@code ..name} or {@code ..*}: the step applied to the node and to all its descendants. */
  private record DeepScan(Step step) implements Step {
    @Override
    public void apply(JsonNode node, List<JsonNode> out) {
      step.apply(node, out);
      if (node.isContainerNode()) {
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
          apply(it.next(), out);
        }
      }
    }
  }

  static Compiled compile(String path) {
    String text = path == null ? "" : path.strip();
    if (!text.startsWith("$")) {
      throw invalid(path, "a JSONPath starts with $");
    }
    List<Step> steps = new ArrayList<>();
    boolean definite = true;
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        boolean deep = i + 1 < text.length() && text.charAt(i + 1) == '.';
        i += deep ? 2 : 1;
        Step step;
        if (i < text.length() && text.charAt(i) == '*') {
          step = new Wildcard();
          i++;
          definite = false;
        } else if (i < text.length() && text.charAt(i) == '[' && deep) {
          int close = closing(text, i, path);
          step = bracket(text.substring(i + 1, close), path);
          i = close + 1;
        } else {
          int end = i;
          while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
            end++;
          }
          if (end == i) {
            throw invalid(path, "a name is missing after '.' at position " + i);
          }
          step = new Field(text.substring(i, end));
          i = end;
        }
        if (deep) {
          step = new DeepScan(step);
          definite = false;
        }
        steps.add(step);
      } else if (c == '[') {
        int close = closing(text, i, path);
        Step step = bracket(text.substring(i + 1, close), path);
        if (!(step instanceof Field) && !(step instanceof Index)) {
          definite = false;
        }
        steps.add(step);
        i = close + 1;
      } else {
        throw invalid(path, "unexpected '" + c + "' at position " + i);
      }
    }
    return new Compiled(List.copyOf(steps), definite);
  }

  private static int closing(String text, int open, String path) {
    boolean quoted = false;
    char quote = 0;
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == quote) {
          quoted = false;
        }
      } else if (c == '\'' || c == '"') {
        quoted = true;
        quote = c;
      } else if (c == ']') {
        return i;
      }
    }
    throw invalid(path, "'[' at position " + open + " is not closed");
  }

  private static Step bracket(String inside, String path) {
    String content = inside.strip();
    if (content.startsWith("?")) {
      throw invalid(path, "filter expressions [?(…)] are not emulated by lambda-local");
    }
    if (content.equals("*")) {
      return new Wildcard();
    }
    List<String> parts = split(content);
    if (parts.size() > 1) {
      List<Step> members = new ArrayList<>();
      for (String part : parts) {
        members.add(single(part.strip(), path));
      }
      return new Union(List.copyOf(members));
    }
    if (!isQuoted(content) && content.contains(":")) {
      String[] bounds = content.split(":", -1);
      return new Slice(bound(bounds[0], path), bound(bounds[1], path));
    }
    return single(content, path);
  }

  private static Step single(String part, String path) {
    if (isQuoted(part)) {
      return new Field(part.substring(1, part.length() - 1));
    }
    try {
      return new Index(Integer.parseInt(part));
    } catch (NumberFormatException e) {
      throw invalid(path, "'[" + part + "]' is neither a quoted name nor an index");
    }
  }

  private static Integer bound(String text, String path) {
    String value = text.strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(path, "slice bound '" + value + "' is not a number");
    }
  }

  private static boolean isQuoted(String part) {
    return part.length() >= 2
        && (part.charAt(0) == '\'' || part.charAt(0) == '"')
        && part.charAt(part.length() - 1) == part.charAt(0);
  }

  private static List<String> split(String content) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (quoted) {
        quoted = c != quote;
      } else if (c == '\'' || c == '"') {
        quoted = true;
        quote = c;
      } else if (c == ',') {
        parts.add(content.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(content.substring(start));
    return parts;
  }

  private static IllegalArgumentException invalid(String path, String problem) {
    return new IllegalArgumentException("invalid JSONPath '" + path + "': " + problem);
  }
}
