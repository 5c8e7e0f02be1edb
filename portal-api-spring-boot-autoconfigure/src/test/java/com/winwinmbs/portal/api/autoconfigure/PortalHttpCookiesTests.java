package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.health.HealthApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The HTTP library under the portal client keeps no cookies, whatever {@code
 * spring.http.clients.cookie-handling} says: one shared client serves every user, and a store of
 * the library's own would send one user's cookies with another's requests.
 */
@WireMockTest
class PortalHttpCookiesTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class));

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "rest-client"})
  void aCookieOneAnswerSetsIsNotSentWithTheNextRequest(String httpClient, WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Set-Cookie", "refreshToken=user-a-refresh-1; Path=/")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + wm.getHttpBaseUrl(),
            "portal.api.http-client=" + httpClient,
            "spring.http.clients.cookie-handling=enable")
        .run(
            (context) -> {
              HealthApi health = context.getBean(HealthApi.class);
              health.check();
              health.check();

              wm.getWireMock()
                  .verifyThat(
                      2, getRequestedFor(urlEqualTo("/health")).withHeader("Cookie", absent()));
              assertThat(context).hasNotFailed();
            });
  }
}
