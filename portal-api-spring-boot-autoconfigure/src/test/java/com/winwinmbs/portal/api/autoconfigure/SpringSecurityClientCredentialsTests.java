package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.SignedJWT;
import com.winwinmbs.portal.api.AuthenticationException;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Machine-to-machine tokens through Spring Security against a real OAuth2 server
 * (mock-oauth2-server, RFC 6749 form requests with client_secret_basic) and the portal played by
 * WireMock.
 */
@WireMockTest
class SpringSecurityClientCredentialsTests {

  static final String HEALTH_BODY =
      """
      {"success":true,"data":{"status":"ok","info":{"database":{"status":"up"}},"error":{},
       "details":{"database":{"status":"up"}}}}
      """;

  private final MockOAuth2Server oauth = new MockOAuth2Server();

  private ApplicationContextRunner runner;

  @BeforeEach
  void start(WireMockRuntimeInfo wm) {
    this.oauth.start();
    this.runner =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    OAuth2ClientAutoConfiguration.class, PortalApiAuthAutoConfiguration.class))
            .withUserConfiguration(TestPortalClientConfiguration.class)
            .withPropertyValues(
                "portal.api.base-url=" + wm.getHttpBaseUrl(),
                "portal.api.auth.registration-id=portal",
                "spring.security.oauth2.client.registration.portal.client-id=portal-service",
                "spring.security.oauth2.client.registration.portal.client-secret=s3cret",
                "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
                "spring.security.oauth2.client.registration.portal.scope=portal.read",
                "spring.security.oauth2.client.registration.portal.provider=mock",
                "spring.security.oauth2.client.provider.mock.token-uri="
                    + this.oauth.tokenEndpointUrl("machines"));
  }

  @AfterEach
  void stop() {
    this.oauth.shutdown();
  }

  @Test
  void theTokenTheServerIssuedIsTheOneThePortalReceives(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get("/health").willReturn(okJson()));
    this.runner.run(
        (context) -> {
          PortalApiClient portal = context.getBean(PortalApiClient.class);

          assertThat(portal.health().check().isUp()).isTrue();
          assertThat(portal.health().check().isUp()).isTrue();

          RecordedRequest tokenRequest = this.oauth.takeRequest(5, TimeUnit.SECONDS);
          assertThat(tokenRequest.getPath()).isEqualTo("/machines/token");
          assertThat(tokenRequest.getHeader("Content-Type"))
              .startsWith("application/x-www-form-urlencoded");
          assertThat(tokenRequest.getHeader("Authorization")).startsWith("Basic ");
          assertThat(tokenRequest.getBody().readUtf8())
              .contains("grant_type=client_credentials")
              .contains("scope=portal.read")
              .doesNotContain("s3cret");
          assertThat(drainTokenRequests()).as("the token is cached").isZero();

          List<String> sent =
              bearerTokens(wm.getWireMock().find(getRequestedFor(urlEqualTo("/health"))));
          assertThat(sent).hasSize(2).containsOnly(sent.get(0));
          SignedJWT jwt = SignedJWT.parse(sent.get(0));
          assertThat(jwt.getJWTClaimsSet().getIssuer())
              .isEqualTo(this.oauth.issuerUrl("machines").toString());
          assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("portal-service");
        });
  }

  @Test
  void rejectedTokenCausesExactlyOneNewTokenRequestAndOneRetry(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .inScenario("expired")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"TOKEN_EXPIRED\",\"message\":\"Token expired\"}}"))
                .willSetStateTo("renewed"));
    wm.getWireMock()
        .register(
            get("/health")
                .inScenario("expired")
                .whenScenarioStateIs("renewed")
                .willReturn(okJson()));
    this.runner.run(
        (context) -> {
          PortalApiClient portal = context.getBean(PortalApiClient.class);

          assertThat(portal.health().check().isUp()).isTrue();

          assertThat(drainTokenRequests())
              .as("the first token and one new token after the 401")
              .isEqualTo(2);
          List<String> sent =
              bearerTokens(wm.getWireMock().find(getRequestedFor(urlEqualTo("/health"))));
          assertThat(sent).as("the first attempt and one retry").hasSize(2);
          assertThat(sent.get(1)).isNotEqualTo(sent.get(0));

          portal.health().check();
          assertThat(drainTokenRequests()).as("the new token is cached").isZero();
          assertThat(bearerTokens(wm.getWireMock().find(getRequestedFor(urlEqualTo("/health")))))
              .last()
              .isEqualTo(sent.get(1));
        });
  }

  @Test
  void aTokenRejectedTwiceIsNotRetriedAgain(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get("/health").willReturn(aResponse().withStatus(401)));
    this.runner.run(
        (context) -> {
          PortalApiClient portal = context.getBean(PortalApiClient.class);

          assertThat(catchThrowable(() -> portal.health().check()))
              .isInstanceOf(AuthenticationException.class);

          assertThat(wm.getWireMock().find(getRequestedFor(urlEqualTo("/health")))).hasSize(2);
          assertThat(drainTokenRequests()).isEqualTo(2);
        });
  }

  @Test
  void concurrentCallersShareOneTokenRequest(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get("/health").willReturn(okJson()));
    this.runner.run(
        (context) -> {
          TokenSource tokens = context.getBean(TokenSource.class);
          ExecutorService pool = Executors.newFixedThreadPool(16);
          try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
              calls.add(() -> tokens.token().orElseThrow());
            }
            List<String> values = new ArrayList<>();
            for (Future<String> future : pool.invokeAll(calls)) {
              values.add(future.get());
            }
            assertThat(values).hasSize(32).containsOnly(values.get(0));
          } finally {
            pool.shutdownNow();
          }
          assertThat(drainTokenRequests()).as("single-flight").isEqualTo(1);
        });
  }

  @Test
  void invalidatingAnOlderTokenKeepsTheCurrentOne() {
    this.runner.run(
        (context) -> {
          TokenSource tokens = context.getBean(TokenSource.class);
          String current = tokens.token().orElseThrow();

          tokens.invalidate("an-older-token");

          assertThat(tokens.token()).contains(current);
          assertThat(drainTokenRequests()).isEqualTo(1);
        });
  }

  /** Token requests the server received since the last call; it answers each request it records. */
  private int drainTokenRequests() {
    int count = 0;
    while (true) {
      try {
        this.oauth.takeRequest(300, TimeUnit.MILLISECONDS);
        count++;
      } catch (RuntimeException ex) {
        // mock-oauth2-server signals an empty queue by throwing
        return count;
      }
    }
  }

  static ResponseDefinitionBuilder okJson() {
    return aResponse().withHeader("Content-Type", "application/json").withBody(HEALTH_BODY);
  }

  static List<String> bearerTokens(List<LoggedRequest> requests) {
    List<String> tokens = new ArrayList<>();
    for (LoggedRequest request : requests) {
      String header = request.getHeader("Authorization");
      tokens.add(header == null ? null : header.substring("Bearer ".length()));
    }
    return tokens;
  }
}
