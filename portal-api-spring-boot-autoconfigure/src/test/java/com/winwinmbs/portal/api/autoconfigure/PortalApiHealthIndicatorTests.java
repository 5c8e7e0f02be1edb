package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.observation.DefaultPortalObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code portal} health indicator against a real portal stand-in. */
@WireMockTest
class PortalApiHealthIndicatorTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  HealthContributorRegistryAutoConfiguration.class))
          .withPropertyValues("portal.api.retry.max-attempts=1");

  private static final String HEALTHY =
      "{\"success\":true,\"data\":{\"status\":\"ok\",\"version\":\"4.2.0\"}}";

  private static final String UNAVAILABLE =
      "{\"success\":false,\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"maintenance\"}}";

  private WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
  }

  private ApplicationContextRunner portal() {
    return this.runner.withPropertyValues("portal.api.base-url=" + this.wm.getHttpBaseUrl());
  }

  @Test
  void indicatorIsRegisteredAsPortalAndNotCalledAtStartup() {
    stubHealth(200, "{\"success\":true,\"data\":{\"status\":\"ok\",\"version\":\"4.2.0\"}}");
    portal()
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(HealthContributorRegistry.class).getContributor("portal"))
                  .isInstanceOf(PortalApiHealthIndicator.class);
              this.wm.getWireMock().verifyThat(0, anyRequestedFor(anyUrl()));

              health(context);
              this.wm.getWireMock().verifyThat(1, getRequestedFor(urlEqualTo("/health")));
            });
  }

  @Test
  void healthyPortalIsUp() {
    stubHealth(200, "{\"success\":true,\"data\":{\"status\":\"ok\",\"version\":\"4.2.0\"}}");
    portal()
        .run(
            (context) -> {
              Health health = health(context);
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails())
                  .containsEntry("status", "ok")
                  .containsEntry("version", "4.2.0");
            });
  }

  @Test
  void portalReportingItselfUnhealthyIsDown() {
    stubHealth(
        200,
        """
        {"success":true,"data":{"status":"error","error":{"database":{"status":"down"}}}}
        """);
    portal()
        .run(
            (context) -> {
              Health health = health(context);
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails()).containsEntry("status", "error").containsKey("error");
            });
  }

  @Test
  void portalAnsweringWithServerErrorIsDown() {
    stubHealth(
        503,
        "{\"success\":false,\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"maintenance\"}}");
    portal()
        .run(
            (context) -> {
              Health health = health(context);
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails().get("error")).asString().contains("ServerException");
            });
  }

  @Test
  void unreachablePortalIsDown() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    this.runner
        .withPropertyValues("portal.api.base-url=http://localhost:" + port)
        .run(
            (context) -> {
              Health health = health(context);
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails().get("error"))
                  .asString()
                  .contains("TransportException");
            });
  }

  @Test
  void slowPortalIsDownWithinTheHealthTimeoutAfterOneAttempt() {
    stubHealth(200, HEALTHY, 1500);
    portal()
        .withPropertyValues(
            "portal.api.retry.max-attempts=3",
            "portal.api.timeout=30s",
            "management.health.portal.timeout=300ms")
        .run(
            (context) -> {
              long started = System.nanoTime();
              Health health = health(context);
              Duration took = Duration.ofNanos(System.nanoTime() - started);

              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails().get("error"))
                  .asString()
                  .contains("TransportException")
                  .contains("the call did not complete within its call timeout");
              assertThat(took).isLessThan(Duration.ofMillis(1400));
              this.wm.getWireMock().verifyThat(1, getRequestedFor(urlEqualTo("/health")));

              // the application's own client keeps its timeout and retries
              assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();
              this.wm.getWireMock().verifyThat(2, getRequestedFor(urlEqualTo("/health")));
            });
  }

  @Test
  void portalAnsweringWithServerErrorIsCheckedOnceWhateverTheRetries() {
    stubHealth(503, UNAVAILABLE);
    portal()
        .withPropertyValues("portal.api.retry.max-attempts=3")
        .run(
            (context) -> {
              assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
              this.wm.getWireMock().verifyThat(1, getRequestedFor(urlEqualTo("/health")));
            });
  }

  @Test
  void healthCheckGoesThroughTheApplicationsTransportAndObservations() {
    stubHealth(200, HEALTHY);
    TestObservationRegistry registry = TestObservationRegistry.create();
    portal()
        .withBean(ObservationRegistry.class, () -> registry)
        .withBean(
            RestClientCustomizer.class,
            () -> (builder) -> builder.defaultHeader("X-Via", "application-rest-client"))
        .withPropertyValues(
            "management.health.portal.timeout=2s", "portal.api.http-client=rest-client")
        .run(
            (context) -> {
              assertThat(context.getBean(PortalTransport.class))
                  .isInstanceOf(RestClientPortalTransport.class);
              assertThat(health(context).getStatus()).isEqualTo(Status.UP);
              this.wm
                  .getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/health"))
                          .withHeader("X-Via", equalTo("application-rest-client")));
              TestObservationRegistryAssert.assertThat(registry)
                  .hasObservationWithNameEqualTo(DefaultPortalObservationConvention.NAME)
                  .that()
                  .hasLowCardinalityKeyValue("operation", "check");
            });
  }

  @Test
  void healthTimeoutThatIsNotPositiveFailsStartupNamingIt() {
    portal()
        .withPropertyValues("management.health.portal.timeout=0s")
        .run(
            (context) ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(PortalApiConfigurationException.class)
                    .hasMessageContaining("management.health.portal.timeout is not valid"));
  }

  private void stubHealth(int status, String body) {
    stubHealth(status, body, 0);
  }

  private void stubHealth(int status, String body, int delayMillis) {
    this.wm
        .getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)
                        .withFixedDelay(delayMillis)));
  }

  private static Health health(AssertableApplicationContext context) {
    Health health = context.getBean("portalHealthIndicator", HealthIndicator.class).health();
    assertThat(health).isNotNull();
    return health;
  }
}
