package dev.lambdalocal.cognito.internal.server;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lambdalocal.aws.internal.protocol.ServiceResponse;
import dev.lambdalocal.cognito.internal.service.CognitoIdentityService;

/** Answers the requests of the stub it is attached to with {@link CognitoIdentityService}. */
final class CognitoTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "lambda-local-cognito-identity";

  private final CognitoIdentityService service;

  CognitoTransformer(CognitoIdentityService service) {
    this.service = service;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    String target =
        request.containsHeader("X-Amz-Target") ? request.getHeader("X-Amz-Target") : null;
    ServiceResponse response =
        service.handle(request.getMethod().getName(), target, request.getBody());
    ResponseDefinitionBuilder builder =
        ResponseDefinitionBuilder.responseDefinition().withStatus(response.status());
    response.headers().forEach(builder::withHeader);
    return builder.withBody(response.body()).build();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
