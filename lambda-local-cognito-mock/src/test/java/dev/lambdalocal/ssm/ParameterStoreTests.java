package dev.lambdalocal.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalocal.account.OfflineAccount;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DeleteParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** Every Parameter Store operation through the offline account's one endpoint, with SDK v2. */
class ParameterStoreTests {

  private static OfflineAccount account;
  private static SsmClient client;

  @BeforeAll
  static void start() {
    account = OfflineAccount.builder().extensionPort(0).start();
    client = account.client(SsmClient.builder());
  }

  @AfterAll
  static void stop() {
    client.close();
    account.close();
  }

  private static String unique() {
    return "/test/" + UUID.randomUUID();
  }

  @Test
  void putAndGetWithVersionsAndSelectors() {
    String name = unique() + "/url";
    assertThat(client.putParameter(r -> r.name(name).type("String").value("v1")).version())
        .isEqualTo(1L);
    assertThatThrownBy(() -> client.putParameter(r -> r.name(name).type("String").value("v2")))
        .isInstanceOfSatisfying(
            ParameterAlreadyExistsException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "The parameter already exists. To overwrite this value, set the overwrite"
                            + " option in the request to true."));
    assertThat(client.putParameter(r -> r.name(name).value("v2").overwrite(true)).version())
        .isEqualTo(2L);
    Parameter latest = client.getParameter(r -> r.name(name)).parameter();
    assertThat(latest.value()).isEqualTo("v2");
    assertThat(latest.version()).isEqualTo(2L);
    assertThat(latest.typeAsString()).isEqualTo("String");
    assertThat(latest.arn()).isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter" + name);
    assertThat(latest.dataType()).isEqualTo("text");
    Parameter first = client.getParameter(r -> r.name(name + ":1")).parameter();
    assertThat(first.value()).isEqualTo("v1");
    assertThat(first.selector()).isEqualTo(":1");
    assertThatThrownBy(() -> client.getParameter(r -> r.name(name + ":7")))
        .isInstanceOf(ParameterVersionNotFoundException.class)
        .hasMessageStartingWith(
            "Systems Manager could not find version 7 of "
                + name
                + ". Verify the version and try"
                + " again.");
  }

  @Test
  void missingParameterIsParameterNotFoundWithoutMessage() {
    assertThatThrownBy(() -> client.getParameter(r -> r.name("/no/such")))
        .isInstanceOfSatisfying(
            ParameterNotFoundException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ParameterNotFound");
              assertThat(e.awsErrorDetails().errorMessage()).isNull();
              assertThat(e.statusCode()).isEqualTo(400);
            });
    assertThatThrownBy(() -> client.deleteParameter(r -> r.name("/no/such")))
        .isInstanceOf(ParameterNotFoundException.class);
  }

  @Test
  void secureStringStaysEncryptedWithoutDecryption() {
    String name = unique() + "/password";
    client.putParameter(r -> r.name(name).type("SecureString").value("s3cr3t"));
    Parameter encrypted = client.getParameter(r -> r.name(name)).parameter();
    assertThat(encrypted.value()).isNotEqualTo("s3cr3t").startsWith("AQICAH");
    assertThat(client.getParameter(r -> r.name(name)).parameter().value())
        .isEqualTo(encrypted.value());
    assertThat(client.getParameter(r -> r.name(name).withDecryption(true)).parameter().value())
        .isEqualTo("s3cr3t");
    ParameterMetadata metadata =
        client
            .describeParameters(
                r ->
                    r.parameterFilters(
                        ParameterStringFilter.builder().key("Name").values(name).build()))
            .parameters()
            .get(0);
    assertThat(metadata.keyId()).isEqualTo("alias/aws/ssm");
    assertThat(metadata.lastModifiedUser()).isEqualTo("arn:aws:iam::123456789012:root");
  }

  @Test
  void getParametersListsInvalidOnes() {
    String base = unique();
    client.putParameter(r -> r.name(base + "/a").type("StringList").value("x,y"));
    GetParametersResponse response =
        client.getParameters(r -> r.names(base + "/a", base + "/missing", base + "/a:9"));
    assertThat(response.parameters()).extracting(Parameter::value).containsExactly("x,y");
    assertThat(response.invalidParameters()).containsExactly(base + "/missing", base + "/a:9");
  }

  @Test
  void getParametersByPathRecursiveAndPaged() {
    String base = unique();
    for (String leaf : List.of("/a", "/b", "/c", "/deep/d", "/deep/er/e")) {
      client.putParameter(r -> r.name(base + leaf).type("String").value(leaf));
    }
    List<String> oneLevel =
        client.getParametersByPathPaginator(r -> r.path(base)).stream()
            .flatMap(p -> p.parameters().stream())
            .map(Parameter::name)
            .toList();
    assertThat(oneLevel).containsExactly(base + "/a", base + "/b", base + "/c");
    var page = client.getParametersByPath(r -> r.path(base + "/").recursive(true).maxResults(2));
    assertThat(page.parameters()).hasSize(2);
    assertThat(page.nextToken()).isNotNull();
    List<String> all =
        client
            .getParametersByPathPaginator(r -> r.path(base).recursive(true).maxResults(2))
            .stream()
            .flatMap(p -> p.parameters().stream())
            .map(Parameter::name)
            .toList();
    assertThat(all).hasSize(5).contains(base + "/deep/er/e");
  }

  @Test
  void historyAndDeletion() {
    String name = unique() + "/h";
    client.putParameter(r -> r.name(name).type("SecureString").value("one").description("d"));
    client.putParameter(r -> r.name(name).value("two").overwrite(true));
    List<ParameterHistory> history =
        client.getParameterHistory(r -> r.name(name).withDecryption(true)).parameters();
    assertThat(history).extracting(ParameterHistory::value).containsExactly("one", "two");
    assertThat(history).extracting(ParameterHistory::version).containsExactly(1L, 2L);
    assertThat(history.get(1).description()).isEqualTo("d");
    DeleteParametersResponse deleted = client.deleteParameters(r -> r.names(name, name + "/nope"));
    assertThat(deleted.deletedParameters()).containsExactly(name);
    assertThat(deleted.invalidParameters()).containsExactly(name + "/nope");
    assertThatThrownBy(() -> client.getParameterHistory(r -> r.name(name)))
        .isInstanceOf(ParameterNotFoundException.class);
  }

  @Test
  void everyReadDecryptsOnlyWhenAsked() {
    String base = unique();
    String name = base + "/token";
    client.putParameter(r -> r.name(name).type("SecureString").value("t0k3n"));
    String encrypted = client.getParameter(r -> r.name(name)).parameter().value();
    assertThat(encrypted).isNotEqualTo("t0k3n");
    assertThat(client.getParameters(r -> r.names(name)).parameters())
        .extracting(Parameter::value)
        .containsExactly(encrypted);
    assertThat(client.getParameters(r -> r.names(name).withDecryption(true)).parameters())
        .extracting(Parameter::value)
        .containsExactly("t0k3n");
    assertThat(client.getParametersByPath(r -> r.path(base)).parameters())
        .extracting(Parameter::value)
        .containsExactly(encrypted);
    assertThat(client.getParametersByPath(r -> r.path(base).withDecryption(true)).parameters())
        .extracting(Parameter::value)
        .containsExactly("t0k3n");
    assertThat(client.getParameterHistory(r -> r.name(name)).parameters())
        .extracting(ParameterHistory::value)
        .containsExactly(encrypted);
  }

  @Test
  void deleteParameterRemovesItAndEveryVersion() {
    String name = unique() + "/gone";
    client.putParameter(r -> r.name(name).type("String").value("v1"));
    client.putParameter(r -> r.name(name).value("v2").overwrite(true));
    client.deleteParameter(r -> r.name(name));
    assertThatThrownBy(() -> client.getParameter(r -> r.name(name)))
        .isInstanceOf(ParameterNotFoundException.class);
    assertThatThrownBy(() -> client.getParameter(r -> r.name(name + ":1")))
        .isInstanceOf(ParameterNotFoundException.class);
    assertThat(client.getParameters(r -> r.names(name)).invalidParameters()).containsExactly(name);
    // Created again, it starts at version 1.
    assertThat(client.putParameter(r -> r.name(name).type("String").value("v3")).version())
        .isEqualTo(1L);
  }

  @Test
  void missingTypeOnCreateIsAValidationError() {
    assertThatThrownBy(() -> client.putParameter(r -> r.name(unique()).value("x")))
        .isInstanceOfSatisfying(
            SsmException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("A parameter type is required when you create a parameter.");
            });
  }
}
