package com.winwinmbs.portal.api.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.winwinmbs.portal.api.PortalApiClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RFC 6749 form mode against a real OAuth 2.0 authorization server. */
@WireMockTest
class ClientCredentialsFormModeTests {

  private static final String CLIENT_ID = "billing-service";
  private static final String SECRET = "s3cr3t:with/odd+chars";

  private final MockOAuth2Server server = new MockOAuth2Server();

  @BeforeEach
  void startServer() {
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.shutdown();
  }

  private ClientCredentialsTokenProvider provider() {
    return ClientCredentialsTokenProvider.builder()
        .tokenEndpoint(server.tokenEndpointUrl("portal").toString())
        .clientId(CLIENT_ID)
        .clientSecret(SECRET)
        .scope("portal.read portal.write")
        .format(TokenRequestFormat.FORM)
        .build();
  }

  @Test
  void fetchesATokenWithAFormBodyAndClientSecretBasic() throws Exception {
    String token = provider().accessToken();

    JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(CLIENT_ID);
    assertThat(claims.getIssuer()).endsWith("/portal");
    RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    String basic =
        new String(
            Base64.getDecoder()
                .decode(request.getHeader("Authorization").substring("Basic ".length())),
            StandardCharsets.UTF_8);
    assertThat(basic).isEqualTo("billing-service:s3cr3t%3Awith%2Fodd%2Bchars");
    String body = request.getBody().readUtf8();
    assertThat(body).isEqualTo("grant_type=client_credentials&scope=portal.read+portal.write");
    assertThat(body).doesNotContain("s3cr3t");
  }

  @Test
  void tokenFromTheServerIsCachedAndSentToThePortal(WireMockRuntimeInfo wm) throws Exception {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
    ClientCredentialsTokenProvider tokens = provider();
    PortalApiClient portal =
        PortalApiClient.builder().apiUrl(wm.getHttpBaseUrl()).tokenSource(tokens).build();

    portal.health().check();
    portal.health().check();

    String token = tokens.cachedToken().orElseThrow();
    wm.getWireMock()
        .verifyThat(
            2,
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    assertThat(server.takeRequest(2, TimeUnit.SECONDS)).isNotNull();
    assertThatThrownBy(() -> server.takeRequest(200, TimeUnit.MILLISECONDS))
        .as("a second token request")
        .hasMessageContaining("no request found");
  }
}
