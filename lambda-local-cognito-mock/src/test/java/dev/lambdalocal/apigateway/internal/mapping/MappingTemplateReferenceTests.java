package dev.lambdalocal.apigateway.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalocal.aws.internal.protocol.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples of AWS's "API Gateway mapping template and access logging variable reference"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html,
 * sections "$input variables", "$input variable template examples" and "$util variables"), rendered
 * by the engine and compared with the outputs the page gives.
 */
class MappingTemplateReferenceTests {

  private static final String PETS =
      "{\"pets\":[{\"id\":1,\"type\":\"dog\",\"price\":249.99},"
          + "{\"id\":2,\"type\":\"cat\",\"price\":124.99},"
          + "{\"id\":3,\"type\":\"fish\",\"price\":0.99}]}";

  static String render(String template, InputVariable input) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("input", input);
    variables.put("util", UtilVariable.INSTANCE);
    return MappingTemplate.parse(template, "test template").render(variables);
  }

  static InputVariable input(String body) {
    return new InputVariable(body, Map.of(), Map.of(), Map.of());
  }

  @Test
  void inputJsonReturnsTheStructureAsAJsonString() {
    assertThat(render("$input.json('$.pets')", input(PETS)))
        .isEqualTo(
            "[{\"id\":1,\"type\":\"dog\",\"price\":249.99},"
                + "{\"id\":2,\"type\":\"cat\",\"price\":124.99},"
                + "{\"id\":3,\"type\":\"fish\",\"price\":0.99}]");
  }

  @Test
  void inputPathReturnsAnObjectTheTemplateNavigates() {
    // The page: "$input.path('$.pets').count() would return "3"" (count() of its older text is
    // size() on the list a JSONPath array is).
    assertThat(render("$input.path('$.pets').size()", input(PETS))).isEqualTo("3");
    assertThat(render("$input.path('$.pets')[1].type", input(PETS))).isEqualTo("cat");
    assertThat(
            render(
                "#foreach($pet in $input.path('$.pets'))$pet.id#if($foreach.hasNext),#end#end",
                input(PETS)))
        .isEqualTo("1,2,3");
  }

  @Test
  void parameterMappingTemplatePassesEveryParameter() {
    String template =
        "#set($allParams = $input.params())\n"
            + "{\n"
            + "  \"params\" : {\n"
            + "    #foreach($type in $allParams.keySet())\n"
            + "    #set($params = $allParams.get($type))\n"
            + "    \"$type\" : {\n"
            + "      #foreach($paramName in $params.keySet())\n"
            + "      \"$paramName\" : \"$util.escapeJavaScript($params.get($paramName))\"\n"
            + "      #if($foreach.hasNext),#end\n"
            + "      #end\n"
            + "    }\n"
            + "    #if($foreach.hasNext),#end\n"
            + "    #end\n"
            + "  }\n"
            + "}\n";
    InputVariable input =
        new InputVariable(
            "",
            Map.of("path_name", "path_value"),
            Map.of("querystring_name", "querystring_value"),
            Map.of("header_name", "header_value"));
    JsonNode output = Json.parseObject(render(template, input).getBytes());
    assertThat(output.toString())
        .isEqualTo(
            "{\"params\":{\"path\":{\"path_name\":\"path_value\"},"
                + "\"header\":{\"header_name\":\"header_value\"},"
                + "\"querystring\":{\"querystring_name\":\"querystring_value\"}}}");
  }

  @Test
  void jsonMappingTemplateReadsANameAndTheWholeBody() {
    InputVariable input =
        new InputVariable("{\"mykey\":{\"a\":1}}", Map.of(), Map.of("name", "Ada"), Map.of());
    assertThat(
            render(
                "{\n    \"name\" : \"$input.params('name')\",\n    \"body\" : $input.json('$') \n}",
                input))
        .isEqualTo("{\n    \"name\" : \"Ada\",\n    \"body\" : {\"mykey\":{\"a\":1}} \n}");
    assertThat(
            render(
                "{\"name\" : \"$input.params('name')\", \"body\" : $input.json('$.mykey')}", input))
        .isEqualTo("{\"name\" : \"Ada\", \"body\" : {\"a\":1}}");
  }

  @Test
  void requestAndResponseExampleUsesAllThreeFunctions() {
    String template =
        "{\n"
            + "    \"id\" : \"$input.params('id')\",\n"
            + "    \"count\" : \"$input.path('$.things').size()\",\n"
            + "    \"things\" : $input.json('$.things')\n"
            + "}";
    InputVariable input =
        new InputVariable(
            "{\"things\":{\"1\":{},\"2\":{},\"3\":{}}}", Map.of("id", "abc"), Map.of(), Map.of());
    JsonNode output = Json.parseObject(render(template, input).getBytes());
    assertThat(output.toString())
        .isEqualTo("{\"id\":\"abc\",\"count\":\"3\",\"things\":{\"1\":{},\"2\":{},\"3\":{}}}");
    // The page wraps $input.json('$.things') in $util.escapeJavaScript, which escapes the quotes:
    assertThat(render("$util.escapeJavaScript($input.json('$.things'))", input))
        .isEqualTo("{\\\"1\\\":{},\\\"2\\\":{},\\\"3\\\":{}}");
  }

  @Test
  void paramsSearchesPathThenQueryStringThenHeaders() {
    InputVariable input =
        new InputVariable(
            "",
            Map.of("id", "from-path"),
            Map.of("id", "from-query", "q", "1"),
            Map.of("id", "from-header", "X-Only", "h"));
    assertThat(render("$input.params('id') $input.params('q') $input.params('x-only')", input))
        .isEqualTo("from-path 1 h");
    assertThat(render("[$input.params('missing')]", input)).isEqualTo("[]");
  }

  @Test
  void utilParseJsonExample() {
    String template =
        "#set ($errorMessageObj = $util.parseJson($input.path('$.errorMessage')))\n"
            + "{\n"
            + "   \"errorMessageObjKey2ArrVal\" : $errorMessageObj.key2.arr[0]\n"
            + "}\n";
    String payload =
        "{\"errorMessage\":\"{\\\"key1\\\":\\\"var1\\\",\\\"key2\\\":{\\\"arr\\\":[1,2,3]}}\"}";
    assertThat(render(template, input(payload)))
        .isEqualTo("{\n   \"errorMessageObjKey2ArrVal\" : 1\n}\n");
  }

  @Test
  void utilEscapeJavaScriptEscapesSingleQuotes() {
    // The page: it "will turn any regular single quotes (') into escaped ones (\')", which its
    // example turns back with .replaceAll("\\'","'").
    InputVariable input = new InputVariable("", Map.of(), Map.of("q", "it's \"x\""), Map.of());
    assertThat(render("$util.escapeJavaScript($input.params('q'))", input))
        .isEqualTo("it\\'s \\\"x\\\"");
    assertThat(
            render("$util.escapeJavaScript($input.params('q')).replaceAll(\"\\\\'\",\"'\")", input))
        .isEqualTo("it's \\\"x\\\"");
  }

  @Test
  void utilUrlAndBase64Functions() {
    InputVariable input = new InputVariable("", Map.of(), Map.of("q", "a b&c=é"), Map.of());
    assertThat(render("$util.urlEncode($input.params('q'))", input)).isEqualTo("a+b%26c%3D%C3%A9");
    assertThat(render("$util.urlDecode('a+b%26c%3D%C3%A9')", input)).isEqualTo("a b&c=é");
    assertThat(render("$util.base64Encode('lambda-local')", input)).isEqualTo("bGFtYmRhLWxvY2Fs");
    assertThat(render("$util.base64Decode('bGFtYmRhLWxvY2Fs')", input)).isEqualTo("lambda-local");
  }

  @Test
  void missingValuesRenderAsNothing() {
    assertThat(
            render(
                "[$input.path('$.nothing')][$input.json('$.nothing')][$nothing.at.all]",
                input("{}")))
        .isEqualTo("[][][]");
    assertThat(render("$input.json('$')", input(""))).isEqualTo("{}");
  }

  @Test
  void objectsPrintAsMapsAndArraysAsJson() {
    assertThat(render("$input.path('$')", input("{\"a\":1,\"b\":[{\"c\":5}]}")))
        .isEqualTo("{a=1, b=[{\"c\":5}]}");
  }

  @Test
  void templatesFollowVelocityOneSevenWhereTwoChanged() {
    assertThat(render("#if('')empty is true#end", input(""))).isEqualTo("empty is true");
    assertThat(render("#set($user-name = 'x')$user-name", input(""))).isEqualTo("x");
  }

  @Test
  void aSyntaxErrorNamesTheTemplateLineAndColumn() {
    assertThatThrownBy(
            () ->
                MappingTemplate.parse(
                    "{\n  \"a\": #if(\n}", "GET /x: request template application/json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("GET /x: request template application/json: line 3, column ");
  }

  @Test
  void aRenderFailureNamesTheTemplate() {
    assertThatThrownBy(() -> render("$input.json('$.a[?(@.b)]')", input("{}")))
        .isInstanceOf(MappingTemplate.RenderException.class)
        .hasMessageContaining("test template")
        .hasMessageContaining("filter expressions");
  }
}
