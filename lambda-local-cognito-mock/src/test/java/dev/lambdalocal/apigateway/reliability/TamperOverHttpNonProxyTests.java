package dev.lambdalocal.apigateway.reliability;

import dev.lambdalocal.apigateway.ApiGatewayMock;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The tamper suite against non-proxy routes: the same two operations as Lambda integrations of type
 * {@code aws} with mapping templates, guarded by the 2015 importer's {@code
 * x-amazon-apigateway-auth: {type: aws_iam}}. Every tampered request is refused before any template
 * runs; the untampered one reaches the function through its templates.
 */
class TamperOverHttpNonProxyTests extends TamperOverHttpTests {

  @Override
  ApiGatewayMock startApi(ApiGatewayMock.Builder builder) {
    Path file;
    try {
      file = Path.of(getClass().getResource("/apigateway/orders-non-proxy.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return builder
        .definition(file, Map.of("OrdersFunc", targetFunction(), "ControlFunc", controlFunction()))
        .start();
  }
}
