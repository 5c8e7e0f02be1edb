package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.winwinmbs.portal.api.NotFoundException;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.ClientSettings;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code portal.api.client.requests} metrics on Boot's observation and metrics
 * auto-configuration.
 */
@WireMockTest
class PortalApiMetricsTests {

  private static final String HEALTHY = "{\"success\":true,\"data\":{\"status\":\"ok\"}}";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  ObservationAutoConfiguration.class,
                  MetricsAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  RestClientObservationAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class,
                  SslAutoConfiguration.class))
          .withBean(SimpleMeterRegistry.class);

  private WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
  }

  private ApplicationContextRunner portal() {
    return this.runner.withPropertyValues(
        "portal.api.base-url=" + this.wm.getHttpBaseUrl(),
        "portal.api.http-client=rest-client",
        "portal.api.retry.initial-backoff=0ms",
        "portal.api.retry.max-backoff=0ms");
  }

  @Test
  void successIsTimedWithItsRouteTags() {
    this.wm.getWireMock().register(get("/health").willReturn(json(200, HEALTHY)));
    portal()
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();

              assertThat(timer(context, "portal.api.client.requests").getId().getTags())
                  .containsExactlyInAnyOrderElementsOf(
                      Tags.of(
                          "client",
                          "default",
                          "namespace",
                          "health",
                          "operation",
                          "check",
                          "method",
                          "GET",
                          "uri",
                          "/health",
                          "status",
                          "200",
                          "outcome",
                          "SUCCESS",
                          "error",
                          "none"));
              assertThat(timer(context, "portal.api.client.requests").count()).isEqualTo(1);
            });
  }

  @Test
  void notFoundIsTimedAsClientError() {
    this.wm
        .getWireMock()
        .register(
            get("/health")
                .willReturn(
                    json(
                        404,
                        "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no such route\"}}")));
    portal()
        .run(
            (context) -> {
              assertThatExceptionOfType(NotFoundException.class)
                  .isThrownBy(() -> context.getBean(HealthApi.class).check());

              assertThat(timer(context, "portal.api.client.requests").getId().getTags())
                  .containsExactlyInAnyOrderElementsOf(
                      Tags.of(
                          "client",
                          "default",
                          "namespace",
                          "health",
                          "operation",
                          "check",
                          "method",
                          "GET",
                          "uri",
                          "/health",
                          "status",
                          "404",
                          "outcome",
                          "CLIENT_ERROR",
                          "error",
                          "NotFoundException"));
            });
  }

  @Test
  void timeoutIsTimedAsIoError() {
    this.wm
        .getWireMock()
        .register(get("/health").willReturn(json(200, HEALTHY).withFixedDelay(2000)));
    portal()
        .withPropertyValues("portal.api.timeout=300ms", "portal.api.retry.max-attempts=1")
        .run(
            (context) -> {
              assertThatExceptionOfType(TransportException.class)
                  .isThrownBy(() -> context.getBean(HealthApi.class).check())
                  .satisfies(
                      (ex) -> assertThat(ex.kind()).isEqualTo(TransportException.Kind.TIMEOUT));

              assertThat(timer(context, "portal.api.client.requests").getId().getTags())
                  .containsExactlyInAnyOrderElementsOf(
                      Tags.of(
                          "client",
                          "default",
                          "namespace",
                          "health",
                          "operation",
                          "check",
                          "method",
                          "GET",
                          "uri",
                          "/health",
                          "status",
                          "IO_ERROR",
                          "outcome",
                          "UNKNOWN",
                          "error",
                          "TransportException"));
            });
  }

  @Test
  void bothObservationsTagTheUriTemplateNotThePath() {
    this.wm
        .getWireMock()
        .register(get("/users/u-42").willReturn(json(200, "{\"success\":true,\"data\":{}}")));
    portal()
        .run(
            (context) -> {
              // No user namespace exists yet: call its route through the client's pipeline on the
              // same beans.
              RequestExecutor executor =
                  new RequestExecutor(
                      new ClientSettings(
                          this.wm.getHttpBaseUrl(),
                          "",
                          null,
                          null,
                          null,
                          Duration.ofSeconds(5),
                          null,
                          com.winwinmbs.portal.api.PortalApiClient.DEFAULT_MAX_RESPONSE_SIZE,
                          context.getBean(PortalTransport.class),
                          java.util.List.of(),
                          RetryPolicy.NONE,
                          context.getBean(ObservationRegistry.class),
                          null,
                          "test",
                          false,
                          Clock.systemUTC(),
                          (d) -> {}));
              executor.execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", "u-42"), Map.class);

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(
                      meters
                          .find("portal.api.client.requests")
                          .tag("operation", "findById")
                          .timer())
                  .isNotNull()
                  .extracting((timer) -> timer.getId().getTag("uri"))
                  .isEqualTo("/users/{id}");
              assertThat(meters.find("http.client.requests").timer())
                  .isNotNull()
                  .extracting((timer) -> timer.getId().getTag("uri"))
                  .isEqualTo("/users/{id}");
              assertThat(meters.find("http.client.requests").tag("uri", "/users/u-42").timer())
                  .isNull();
            });
  }

  @Test
  void retriesAreCounted() {
    this.wm
        .getWireMock()
        .register(
            get("/health")
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, "{\"success\":false,\"error\":{\"code\":\"UNAVAILABLE\"}}"))
                .willSetStateTo("recovered"));
    this.wm
        .getWireMock()
        .register(
            get("/health")
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(json(200, HEALTHY)));
    portal()
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();

              assertThat(counter(context, "portal.api.client.requests.retries").count())
                  .isEqualTo(1);
              assertThat(counter(context, "portal.api.client.requests.retries").getId().getTags())
                  .contains(
                      Tag.of("namespace", "health"),
                      Tag.of("operation", "check"),
                      Tag.of("uri", "/health"),
                      Tag.of("status", "NONE"));
              assertThat(timer(context, "portal.api.client.requests").getId().getTag("status"))
                  .isEqualTo("200");
            });
  }

  @Test
  void tokenFetchesAndRefreshesAreCounted() {
    // the token endpoint hands out token-1, then token-2
    this.wm
        .getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "{\"access_token\":\"token-1\",\"expires_in\":3600}"))
                .willSetStateTo("second"));
    this.wm
        .getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("tokens")
                .whenScenarioStateIs("second")
                .willReturn(json(200, "{\"access_token\":\"token-2\",\"expires_in\":3600}")));
    this.wm
        .getWireMock()
        .register(
            get("/health")
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(
                    json(401, "{\"success\":false,\"error\":{\"code\":\"TOKEN_EXPIRED\"}}")));
    this.wm
        .getWireMock()
        .register(
            get("/health")
                .withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(json(200, HEALTHY)));
    portal()
        .withConfiguration(AutoConfigurations.of(PortalApiAuthAutoConfiguration.class))
        .withPropertyValues(
            "portal.api.auth.client-id=app_metrics", "portal.api.auth.client-secret=secret_metrics")
        .run(
            (context) -> {
              HealthApi health = context.getBean(HealthApi.class);
              health.check(); // fetch token-1, 401, fetch token-2
              health.check(); // the cached token-2: no fetch

              assertThat(counter(context, "portal.api.client.requests.token.fetches").count())
                  .isEqualTo(2);
              assertThat(counter(context, "portal.api.client.requests.token.refreshes").count())
                  .isEqualTo(1);
            });
  }

  @Test
  void tokenFetchesAreNotCountedForAStaticToken() {
    this.wm.getWireMock().register(get("/health").willReturn(json(200, HEALTHY)));
    portal()
        .withPropertyValues("portal.api.auth.mode=static")
        .withBean(TokenSource.class, () -> TokenSource.of("static-token"))
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();
              assertThat(
                      context
                          .getBean(MeterRegistry.class)
                          .find("portal.api.client.requests.token.fetches")
                          .counter())
                  .isNull();
            });
  }

  @Test
  void observationsAreSwitchedOffByTheirPrefix() {
    this.wm.getWireMock().register(get("/health").willReturn(json(200, HEALTHY)));
    portal()
        .withPropertyValues("management.observations.enable.portal=false")
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.find("portal.api.client.requests").timer()).isNull();
              assertThat(meters.find("http.client.requests").timer()).isNotNull();
            });
  }

  @Test
  void clientObservesOnTheAutoConfiguredRegistry() {
    portal()
        .run(
            (context) ->
                assertThat(context.getBean(PortalApiClient.class))
                    .isNotNull()
                    .satisfies(
                        (client) ->
                            assertThat(context.getBean(ObservationRegistry.class).isNoop())
                                .isFalse()));
  }

  private static Timer timer(AssertableApplicationContext context, String name) {
    Timer timer = context.getBean(MeterRegistry.class).find(name).timer();
    assertThat(timer).as(name).isNotNull();
    return timer;
  }

  private static Counter counter(AssertableApplicationContext context, String name) {
    Counter counter = context.getBean(MeterRegistry.class).find(name).counter();
    assertThat(counter).as(name).isNotNull();
    return counter;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** A caching source: token-1 until it is rejected, then token-2. */
}
