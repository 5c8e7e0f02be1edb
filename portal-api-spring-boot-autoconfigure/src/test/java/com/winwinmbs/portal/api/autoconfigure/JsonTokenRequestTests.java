package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The portal's JSON token request, against a WireMock token endpoint shaped like the portal's. */
@WireMockTest
class JsonTokenRequestTests {

  private static final String TOKEN_RESPONSE =
      """
      {"access_token":"eyJhbGciOiJSUzI1NiJ9.portal-m2m.sig","token_type":"Bearer","expires_in":3600,
       "scope":"users:read organizations:read"}
      """;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  OAuth2ClientAutoConfiguration.class, PortalApiAuthAutoConfiguration.class))
          .withUserConfiguration(TestPortalClientConfiguration.class);

  @Test
  void springSecurityRegistrationWithJsonFormatPostsThePortalsJsonBody(WireMockRuntimeInfo wm) {
    stubTokenEndpointAndHealth(wm);
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + wm.getHttpBaseUrl(),
            "portal.api.auth.registration-id=portal",
            "portal.api.auth.token-format=json",
            "spring.security.oauth2.client.registration.portal.client-id=app_7f3a",
            "spring.security.oauth2.client.registration.portal.client-secret=secret_9b1c",
            "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.registration.portal.scope=users:read,organizations:read",
            "spring.security.oauth2.client.registration.portal.provider=portal",
            "spring.security.oauth2.client.provider.portal.token-uri="
                + wm.getHttpBaseUrl()
                + "/oauth/token")
        .run(
            (context) -> {
              assertThat(context.getBean(PortalApiClient.class).health().check().isUp()).isTrue();

              wm.getWireMock()
                  .verifyThat(
                      1,
                      postRequestedFor(urlEqualTo("/oauth/token"))
                          .withHeader("Content-Type", equalTo("application/json"))
                          .withHeader("Accept", equalTo("application/json"))
                          .withHeader("Authorization", absent())
                          .withRequestBody(
                              equalToJson(
                                  """
                  {"grant_type":"client_credentials","client_id":"app_7f3a","client_secret":"secret_9b1c",
                   "scope":"users:read organizations:read"}
                  """)));
              wm.getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/health"))
                          .withHeader(
                              "Authorization",
                              equalTo("Bearer eyJhbGciOiJSUzI1NiJ9.portal-m2m.sig")));
            });
  }

  @Test
  void jsonFormatWithoutScopeOmitsTheScope(WireMockRuntimeInfo wm) {
    stubTokenEndpointAndHealth(wm);
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + wm.getHttpBaseUrl(),
            "portal.api.auth.registration-id=portal",
            "portal.api.auth.token-format=json",
            "spring.security.oauth2.client.registration.portal.client-id=app_7f3a",
            "spring.security.oauth2.client.registration.portal.client-secret=secret_9b1c",
            "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.registration.portal.provider=portal",
            "spring.security.oauth2.client.provider.portal.token-uri="
                + wm.getHttpBaseUrl()
                + "/oauth/token")
        .run(
            (context) -> {
              context.getBean(PortalApiClient.class).health().check();

              wm.getWireMock()
                  .verifyThat(
                      1,
                      postRequestedFor(urlEqualTo("/oauth/token"))
                          .withRequestBody(
                              equalToJson(
                                  """
              {"grant_type":"client_credentials","client_id":"app_7f3a","client_secret":"secret_9b1c"}
              """)));
            });
  }

  @Test
  void portalErrorEnvelopeBecomesATokenExceptionWithoutTheSecret(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
            {"success":false,"error":{"code":"INVALID_CLIENT","message":"Unknown client or bad secret secret_9b1c",
             "statusCode":401,"requestId":"req_42"}}
            """)));
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + wm.getHttpBaseUrl(),
            "portal.api.auth.registration-id=portal",
            "portal.api.auth.token-format=json",
            "spring.security.oauth2.client.registration.portal.client-id=app_7f3a",
            "spring.security.oauth2.client.registration.portal.client-secret=secret_9b1c",
            "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.registration.portal.provider=portal",
            "spring.security.oauth2.client.provider.portal.token-uri="
                + wm.getHttpBaseUrl()
                + "/oauth/token")
        .run(
            (context) -> {
              TokenException failure =
                  catchThrowableOfType(
                      TokenException.class,
                      () -> context.getBean(PortalApiClient.class).health().check());

              assertThat(failure.getMessage())
                  .contains("registration 'portal'")
                  .contains("INVALID_CLIENT")
                  .contains("HTTP 401")
                  .doesNotContain("secret_9b1c");
              wm.getWireMock().verifyThat(0, getRequestedFor(urlEqualTo("/health")));
            });
  }

  @Test
  void clientIdWithoutRegistrationSendsJsonByDefault(WireMockRuntimeInfo wm) {
    stubTokenEndpointAndHealth(wm);
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + wm.getHttpBaseUrl(),
            "portal.api.auth.client-id=app_7f3a",
            "portal.api.auth.client-secret=secret_9b1c",
            "portal.api.auth.scope=users:read")
        .run(
            (context) -> {
              context.getBean(PortalApiClient.class).health().check();

              wm.getWireMock()
                  .verifyThat(
                      1,
                      postRequestedFor(urlEqualTo("/oauth/token"))
                          .withHeader("Content-Type", equalTo("application/json"))
                          .withRequestBody(
                              equalToJson(
                                  """
                  {"grant_type":"client_credentials","client_id":"app_7f3a","client_secret":"secret_9b1c",
                   "scope":"users:read"}
                  """)));
              wm.getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/health"))
                          .withHeader(
                              "Authorization",
                              equalTo("Bearer eyJhbGciOiJSUzI1NiJ9.portal-m2m.sig")));
            });
  }

  @Test
  void scopeWrittenAsSpringSecurityWritesItIsSentSpaceSeparated(WireMockRuntimeInfo wm) {
    stubTokenEndpointAndHealth(wm);
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + wm.getHttpBaseUrl(),
            "portal.api.auth.client-id=app_7f3a",
            "portal.api.auth.client-secret=secret_9b1c",
            "portal.api.auth.scope=users:read,organizations:read")
        .run(
            (context) -> {
              context.getBean(PortalApiClient.class).health().check();

              wm.getWireMock()
                  .verifyThat(
                      1,
                      postRequestedFor(urlEqualTo("/oauth/token"))
                          .withRequestBody(
                              equalToJson(
                                  """
                  {"grant_type":"client_credentials","client_id":"app_7f3a","client_secret":"secret_9b1c",
                   "scope":"users:read organizations:read"}
                  """)));
            });
  }

  private static void stubTokenEndpointAndHealth(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(TOKEN_RESPONSE)));
    wm.getWireMock()
        .register(get("/health").willReturn(SpringSecurityClientCredentialsTests.okJson()));
  }
}
