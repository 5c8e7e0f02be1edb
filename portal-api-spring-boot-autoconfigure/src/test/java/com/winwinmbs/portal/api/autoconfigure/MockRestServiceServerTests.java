package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.health.HealthApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.test.autoconfigure.MockRestServiceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.web.client.MockRestServiceServer;

/**
 * A test that mocks RestClient with {@code MockRestServiceServer}
 * ({@code @AutoConfigureMockRestServiceServer}, {@code @RestClientTest}): portal calls do not go
 * through it, so they must not silently reach a real portal.
 */
@WireMockTest
class MockRestServiceServerTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MockRestServiceServerAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class))
          .withPropertyValues("spring.test.restclient.mockrestserviceserver.enabled=true");

  @Test
  void aRemotePortalUnderMockRestServiceServerFailsStartupSayingWhatToUse() {
    this.runner
        .withPropertyValues("portal.api.base-url=https://portal.example.com")
        .run(
            (context) -> {
              assertThat(context).hasFailed();
              Throwable failure = context.getStartupFailure();
              while (!(failure instanceof PortalApiConfigurationException)) {
                assertThat(failure).isNotNull();
                failure = failure.getCause();
              }
              PortalApiConfigurationException exception = (PortalApiConfigurationException) failure;
              assertThat(exception.description())
                  .isEqualTo(
                      "This application context mocks RestClient with MockRestServiceServer, but"
                          + " portal calls do not go through it, and portal.api.base-url points at"
                          + " portal.example.com: the portal client would call it for real.");
              assertThat(exception.action()).contains("@AutoConfigureMockPortal");
            });
  }

  @Test
  void aLocalStandInReceivesThePortalCallsNotMockRestServiceServer(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + wm.getHttpBaseUrl(), "portal.api.http-client=rest-client")
        .run(
            (context) -> {
              assertThat(context).hasNotFailed().hasSingleBean(MockRestServiceServer.class);

              assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();

              wm.getWireMock().verifyThat(1, getRequestedFor(urlEqualTo("/health")));
              context.getBean(MockRestServiceServer.class).verify();
            });
  }

  @Test
  void withoutMockRestServiceServerARemotePortalIsFine() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                RestClientAutoConfiguration.class,
                PortalApiAutoConfiguration.class,
                PortalApiNamespaceAutoConfiguration.class))
        .withPropertyValues("portal.api.base-url=https://portal.example.com")
        .run((context) -> assertThat(context).hasNotFailed());
  }
}
