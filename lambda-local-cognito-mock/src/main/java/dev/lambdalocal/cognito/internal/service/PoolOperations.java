package dev.lambdalocal.cognito.internal.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.Input;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.aws.internal.protocol.Validation;
import dev.lambdalocal.cognito.IdentityPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The operations on identity pools: create, delete, describe, list, and their roles. */
final class PoolOperations {

  private static final String POOL_NAME = "[\\w\\s+=,.@-]+";
  private static final String AUTHENTICATED = "authenticated";
  private static final String UNAUTHENTICATED = "unauthenticated";

  private final CognitoState state;
  private final String region;

  PoolOperations(CognitoState state, String region) {
    this.state = state;
    this.region = region;
  }

  ObjectNode createIdentityPool(Input input) {
    String name = input.string("IdentityPoolName");
    Boolean allowUnauthenticated = input.bool("AllowUnauthenticatedIdentities");
    Boolean allowClassicFlow = input.bool("AllowClassicFlow");
    Map<String, String> supportedLoginProviders = input.stringMap("SupportedLoginProviders");
    String developerProviderName = input.string("DeveloperProviderName");
    List<String> openIdConnectProviderArns = input.stringList("OpenIdConnectProviderARNs");
    List<IdentityPool.UserPoolProvider> userPools =
        input.structureList(
            "CognitoIdentityProviders",
            provider ->
                new IdentityPool.UserPoolProvider(
                    String.valueOf(provider.string("ProviderName")),
                    String.valueOf(provider.string("ClientId")),
                    Boolean.TRUE.equals(provider.bool("ServerSideTokenCheck"))));
    List<String> samlProviderArns = input.stringList("SamlProviderARNs");
    Map<String, String> tags = input.stringMap("IdentityPoolTags");
    Validation validation =
        new Validation()
            .required("identityPoolName", name)
            .string("identityPoolName", name, POOL_NAME, 1, 128)
            .required("allowUnauthenticatedIdentities", allowUnauthenticated)
            .size("supportedLoginProviders", supportedLoginProviders, 10)
            .string("developerProviderName", developerProviderName, "[\\w._-]+", 1, 128);
    if (userPools != null) {
      for (int i = 0; i < userPools.size(); i++) {
        String member = "cognitoIdentityProviders." + (i + 1) + ".member.";
        validation
            .string(member + "providerName", userPools.get(i).providerName(), "[\\w._:/-]+", 1, 128)
            .string(member + "clientId", userPools.get(i).clientId(), "[\\w_]+", 1, 128);
      }
    }
    validation.check();
    IdentityPool pool =
        new IdentityPool(
            region + ":" + UUID.randomUUID(),
            name,
            allowUnauthenticated,
            Boolean.TRUE.equals(allowClassicFlow),
            null,
            null,
            developerProviderName,
            supportedLoginProviders,
            userPools,
            openIdConnectProviderArns,
            samlProviderArns,
            tags);
    state.putPool(pool);
    return describe(pool);
  }

  void deleteIdentityPool(Input input) {
    String poolId = poolId(input);
    state.deletePool(poolId);
  }

  ObjectNode describeIdentityPool(Input input) {
    return describe(state.pool(poolId(input)));
  }

  ObjectNode listIdentityPools(Input input) {
    Long maxResults = input.integer("MaxResults");
    String nextToken = input.string("NextToken");
    new Validation()
        .required("maxResults", maxResults)
        .range("maxResults", maxResults, 1, 60)
        .string("nextToken", nextToken, "[\\S]+", 1, 65535)
        .check();
    ObjectNode output = Json.object();
    ArrayNode pools = output.putArray("IdentityPools");
    for (IdentityPool pool : Pages.page(state.pools(), maxResults, nextToken, output)) {
      pools
          .addObject()
          .put("IdentityPoolId", pool.identityPoolId())
          .put("IdentityPoolName", pool.identityPoolName());
    }
    return output;
  }

  void setIdentityPoolRoles(Input input) {
    String poolId = input.string("IdentityPoolId");
    Map<String, String> roles = input.stringMap("Roles");
    new Validation()
        .required("identityPoolId", poolId)
        .cognitoId("identityPoolId", poolId)
        .required("roles", roles)
        .size("roles", roles, 2)
        .mapKeys("roles", roles, "(un)?authenticated")
        .check();
    IdentityPool pool = state.pool(poolId);
    state.putPool(
        pool.toBuilder().roles(roles.get(AUTHENTICATED), roles.get(UNAUTHENTICATED)).build());
  }

  ObjectNode getIdentityPoolRoles(Input input) {
    IdentityPool pool = state.pool(poolId(input));
    ObjectNode output = Json.object().put("IdentityPoolId", pool.identityPoolId());
    ObjectNode roles = output.putObject("Roles");
    if (pool.authenticatedRoleArn() != null) {
      roles.put(AUTHENTICATED, pool.authenticatedRoleArn());
    }
    if (pool.unauthenticatedRoleArn() != null) {
      roles.put(UNAUTHENTICATED, pool.unauthenticatedRoleArn());
    }
    return output;
  }

  private static String poolId(Input input) {
    String poolId = input.string("IdentityPoolId");
    new Validation().required("identityPoolId", poolId).cognitoId("identityPoolId", poolId).check();
    return poolId;
  }

  /** Return the pool as {@code DescribeIdentityPool} does; empty lists are left out. */
  static ObjectNode describe(IdentityPool pool) {
    ObjectNode node =
        Json.object()
            .put("IdentityPoolId", pool.identityPoolId())
            .put("IdentityPoolName", pool.identityPoolName())
            .put("AllowUnauthenticatedIdentities", pool.allowUnauthenticatedIdentities())
            .put("AllowClassicFlow", pool.allowClassicFlow());
    if (!pool.supportedLoginProviders().isEmpty()) {
      ObjectNode providers = node.putObject("SupportedLoginProviders");
      pool.supportedLoginProviders().forEach(providers::put);
    }
    if (pool.developerProviderName() != null) {
      node.put("DeveloperProviderName", pool.developerProviderName());
    }
    putList(node, "OpenIdConnectProviderARNs", pool.openIdConnectProviderArns());
    if (!pool.cognitoIdentityProviders().isEmpty()) {
      ArrayNode providers = node.putArray("CognitoIdentityProviders");
      for (IdentityPool.UserPoolProvider provider : pool.cognitoIdentityProviders()) {
        providers
            .addObject()
            .put("ProviderName", provider.providerName())
            .put("ClientId", provider.clientId())
            .put("ServerSideTokenCheck", provider.serverSideTokenCheck());
      }
    }
    putList(node, "SamlProviderARNs", pool.samlProviderArns());
    ObjectNode tags = node.putObject("IdentityPoolTags");
    new LinkedHashMap<>(pool.identityPoolTags()).forEach(tags::put);
    return node;
  }

  private static void putList(ObjectNode node, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(field);
      new ArrayList<>(values).forEach(array::add);
    }
  }
}
