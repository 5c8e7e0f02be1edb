package com.winwinmbs.portal.api.observation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.NotFoundException;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.testing.TestClients;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class PortalObservationTests {

  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private PortalApiClient portal;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public void onEvent(Observation.Event event, Observation.Context context) {
                events.add(event.getName());
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    portal = TestClients.builder(wm).observationRegistry(registry).build();
  }

  @Test
  void successIsObservedWithTheLowCardinalityKeys(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));

    portal.health().check();

    TestObservationRegistryAssert.assertThat(registry)
        .hasNumberOfObservationsWithNameEqualTo("portal.api.client.requests", 1)
        .hasObservationWithNameEqualTo("portal.api.client.requests")
        .that()
        .hasContextualNameEqualTo("portal health.check")
        .hasLowCardinalityKeyValue("namespace", "health")
        .hasLowCardinalityKeyValue("operation", "check")
        .hasLowCardinalityKeyValue("method", "GET")
        .hasLowCardinalityKeyValue("uri", "/health")
        .hasLowCardinalityKeyValue("status", "200")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS")
        .hasLowCardinalityKeyValue("error", "none")
        .doesNotHaveError()
        .hasBeenStarted()
        .hasBeenStopped();
    assertThat(events).isEmpty();
  }

  @Test
  void notFoundKeepsTheUriTemplateAndNamesTheError(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathMatching("/users/.*"))
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"User not found\"}}")));

    Throwable thrown =
        catchThrowable(
            () ->
                TestClients.executor(portal)
                    .execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", "usr_8f3a"), Map.class));

    assertThat(thrown).isInstanceOf(NotFoundException.class);
    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("portal.api.client.requests")
        .that()
        .hasLowCardinalityKeyValue("namespace", "user")
        .hasLowCardinalityKeyValue("operation", "findById")
        .hasLowCardinalityKeyValue("method", "GET")
        .hasLowCardinalityKeyValue("uri", "/users/{id}")
        .hasLowCardinalityKeyValue("status", "404")
        .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
        .hasLowCardinalityKeyValue("error", "NotFoundException")
        .hasHighCardinalityKeyValue("http.url.path", "/users/usr_8f3a")
        .hasError(thrown);
  }

  @Test
  void timeoutHasNoStatusAndNamesTheTransportError(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withFixedDelay(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{}}")));

    Throwable thrown =
        catchThrowable(
            () ->
                portal
                    .health()
                    .withOptions(RequestOptions.builder().timeout(Duration.ofMillis(150)).build())
                    .check());

    assertThat(thrown).isInstanceOf(TransportException.class);
    TestObservationRegistryAssert.assertThat(registry)
        .hasNumberOfObservationsWithNameEqualTo("portal.api.client.requests", 1)
        .hasObservationWithNameEqualTo("portal.api.client.requests")
        .that()
        .hasLowCardinalityKeyValue("uri", "/health")
        .hasLowCardinalityKeyValue("status", "IO_ERROR")
        .hasLowCardinalityKeyValue("outcome", "UNKNOWN")
        .hasLowCardinalityKeyValue("error", "TransportException")
        .hasError(thrown);
    assertThat(events).containsExactly("retries", "retries");
  }

  @Test
  void timeoutAfterAServerErrorIsNotReportedWithTheEarlierStatus(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .inScenario("s")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("slow"));
    wm.getWireMock()
        .register(
            get("/health")
                .inScenario("s")
                .whenScenarioStateIs("slow")
                .willReturn(aResponse().withFixedDelay(400)));
    PortalApiClient twice = portal.toBuilder().maxAttempts(2).build();

    catchThrowable(
        () ->
            twice
                .health()
                .withOptions(RequestOptions.builder().timeout(Duration.ofMillis(150)).build())
                .check());

    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("portal.api.client.requests")
        .that()
        .hasLowCardinalityKeyValue("status", "IO_ERROR")
        .hasLowCardinalityKeyValue("error", "TransportException");
  }

  @Test
  void retriesAreOneObservationWithRetryEvents(WireMockRuntimeInfo wm) {
    unavailableOnceThenHealthy(wm);

    portal.health().check();

    TestObservationRegistryAssert.assertThat(registry)
        .hasNumberOfObservationsWithNameEqualTo("portal.api.client.requests", 1)
        .hasObservationWithNameEqualTo("portal.api.client.requests")
        .that()
        .hasLowCardinalityKeyValue("status", "200")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS");
    assertThat(events).containsExactly("retries");
  }

  @Test
  void headersATracingHandlerPropagatesGoOutWithEveryAttempt(WireMockRuntimeInfo wm) {
    TestObservationRegistry tracing = TestObservationRegistry.create();
    tracing
        .observationConfig()
        .observationHandler(
            new ObservationHandler<PortalObservationContext>() {
              @Override
              public void onStart(PortalObservationContext context) {
                context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return context instanceof PortalObservationContext;
              }
            });
    unavailableOnceThenHealthy(wm);

    portal.toBuilder().observationRegistry(tracing).build().health().check();

    List<LoggedRequest> sent = wm.getWireMock().find(anyRequestedFor(anyUrl()));
    assertThat(sent).hasSize(2);
    assertThat(sent)
        .allSatisfy(
            request -> {
              assertThat(request.getHeader("traceparent")).isEqualTo(TRACEPARENT);
              assertThat(request.getHeader("Accept")).isEqualTo("application/json");
            });
  }

  @Test
  void customConventionReplacesTheDefault(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
    PortalApiClient custom =
        portal.toBuilder()
            .observationConvention(
                new DefaultPortalObservationConvention() {
                  @Override
                  public String getName() {
                    return "billing.portal.calls";
                  }

                  @Override
                  public KeyValues getLowCardinalityKeyValues(PortalObservationContext context) {
                    return super.getLowCardinalityKeyValues(context).and("team", "billing");
                  }
                })
            .build();

    custom.health().check();

    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("billing.portal.calls")
        .that()
        .hasLowCardinalityKeyValue("team", "billing")
        .hasLowCardinalityKeyValue("uri", "/health");
  }

  /** The first request answered 503, every later one with a healthy report. */
  private static void unavailableOnceThenHealthy(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
    wm.getWireMock()
        .register(
            any(anyUrl())
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
  }
}
