package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.health.HealthApi;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Token requests go through the portal's TLS settings, on both paths: the core client-credentials
 * provider (on the portal's transport) and Spring Security's token response client (on a request
 * factory built from the same settings). The token endpoint has a self-signed certificate: without
 * the SSL bundle the token fetch fails its handshake; with {@code portal.api.ssl.bundle} it works,
 * while the portal itself is reached over plain http on loopback, so only the token request needs
 * the bundle.
 */
class TokenRequestTlsTests {

  private static final String HEALTHY = "{\"success\":true,\"data\":{\"status\":\"ok\"}}";

  private static final String TOKEN_RESPONSE =
      "{\"access_token\":\"tls-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

  private static final String TRUST_PORTAL =
      "spring.ssl.bundle.pem.portal.truststore.certificate=classpath:ssl/portal-server.crt";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig()
                  .dynamicPort()
                  .dynamicHttpsPort()
                  .keystorePath(JdkTransportSettingsTests.resource("ssl/portal-server.p12"))
                  .keystoreType("PKCS12")
                  .keystorePassword("test-secret")
                  .keyManagerPassword("test-secret"))
          .build();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  OAuth2ClientAutoConfiguration.class,
                  PortalApiAuthAutoConfiguration.class,
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class,
                  SslAutoConfiguration.class))
          .withPropertyValues(
              "portal.api.retry.max-attempts=1",
              "portal.api.base-url=http://localhost:" + server.getPort(),
              TRUST_PORTAL);

  @BeforeEach
  void stub() {
    server.stubFor(
        post("/oauth2/token")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(TOKEN_RESPONSE)));
    server.stubFor(
        get("/health")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(HEALTHY)));
  }

  @ParameterizedTest(name = "{0} with the {1} HTTP client, bundle: {2}")
  @CsvSource({
    "core, jdk, false",
    "core, jdk, true",
    "core, rest-client, false",
    "core, rest-client, true",
    "spring-security, jdk, false",
    "spring-security, jdk, true",
    "spring-security, rest-client, false",
    "spring-security, rest-client, true"
  })
  void theTokenRequestTrustsExactlyWhatThePortalsSslBundleTrusts(
      String path, String httpClient, boolean bundle) {
    String tokenUri = "https://localhost:" + server.getHttpsPort() + "/oauth2/token";
    ApplicationContextRunner runner =
        this.runner.withPropertyValues(
            "portal.api.http-client=" + httpClient,
            "portal.api.ssl.bundle=" + (bundle ? "portal" : ""));
    runner =
        path.equals("core")
            ? runner.withPropertyValues(
                "portal.api.auth.client-id=portal-service",
                "portal.api.auth.client-secret=s3cret-value",
                "portal.api.auth.token-endpoint=" + tokenUri)
            : runner.withPropertyValues(
                "portal.api.auth.registration-id=portal",
                "spring.security.oauth2.client.registration.portal.client-id=portal-service",
                "spring.security.oauth2.client.registration.portal.client-secret=s3cret-value",
                "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
                "spring.security.oauth2.client.registration.portal.provider=machines",
                "spring.security.oauth2.client.provider.machines.token-uri=" + tokenUri);
    runner.run(
        (context) -> {
          HealthApi health = context.getBean(HealthApi.class);
          if (bundle) {
            assertThat(health.check().isUp()).isTrue();
            server.verify(
                getRequestedFor(urlEqualTo("/health"))
                    .withHeader("Authorization", equalTo("Bearer tls-token")));
          } else {
            Throwable failure = catchThrowable(health::check);
            assertThat(JdkTransportSettingsTests.causes(failure))
                .as("the failure and its causes")
                .anyMatch(SSLHandshakeException.class::isInstance);
            assertThat(server.findAll(getRequestedFor(urlEqualTo("/health"))))
                .as("portal calls sent without a token")
                .isEmpty();
          }
          assertThat(server.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))))
              .as("token requests that completed their handshake")
              .hasSize(bundle ? 1 : 0);
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"core", "spring-security"})
  void aNamedClientsTokenRequestsTakeItsOwnSslBundle(String path) {
    String tokenUri = "https://localhost:" + server.getHttpsPort() + "/oauth2/token";
    String prefix = "portal.api.clients.billing.";
    ApplicationContextRunner runner =
        this.runner.withPropertyValues(
            prefix + "base-url=http://localhost:" + server.getPort(), prefix + "ssl.bundle=portal");
    runner =
        path.equals("core")
            ? runner.withPropertyValues(
                prefix + "auth.client-id=billing-service",
                prefix + "auth.client-secret=s3cret-value",
                prefix + "auth.token-endpoint=" + tokenUri)
            : runner.withPropertyValues(
                prefix + "auth.registration-id=billing",
                "spring.security.oauth2.client.registration.billing.client-id=billing-service",
                "spring.security.oauth2.client.registration.billing.client-secret=s3cret-value",
                "spring.security.oauth2.client.registration.billing.authorization-grant-type=client_credentials",
                "spring.security.oauth2.client.registration.billing.provider=machines",
                "spring.security.oauth2.client.provider.machines.token-uri=" + tokenUri);
    runner.run(
        (context) -> {
          assertThat(
                  context
                      .getBean("billingPortalApiClient", PortalApiClient.class)
                      .health()
                      .check()
                      .isUp())
              .isTrue();
          // the default client has neither a token source nor the bundle
          assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();
          server.verify(
              1,
              getRequestedFor(urlEqualTo("/health"))
                  .withHeader("Authorization", equalTo("Bearer tls-token")));
          server.verify(2, getRequestedFor(urlEqualTo("/health")));
          server.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
        });
  }
}
