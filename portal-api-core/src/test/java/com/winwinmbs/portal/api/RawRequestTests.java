package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.TestClients;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link PortalApiClient#rawRequest}: a route the client does not model, on the same path. */
@WireMockTest
class RawRequestTests {

  record Report(String id, String title) {}

  @Test
  void getsARouteWithTheClientsCredentialsAndDecodesItsBody(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/reports/rep%2F1"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "req_7")
                        .withBody("{\"id\":\"rep/1\",\"title\":\"Q3\"}")));
    PortalApiClient portal = TestClients.builder(wm).apiKey("key-abcdef12").tenantId("t-1").build();

    RawResponse response =
        portal.rawRequest(
            RawRequest.get("/reports/{id}")
                .pathVariable("id", "rep/1")
                .query("format", "a b&c")
                .query("skip", null)
                .query("tag", List.of("x", "y"))
                .build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().first("X-Request-Id")).contains("req_7");
    assertThat(response.as(Report.class)).isEqualTo(new Report("rep/1", "Q3"));
    assertThat(response.json().get("title").asString()).isEqualTo("Q3");
    assertThat(response.toString()).isEqualTo("RawResponse[status=200, 27 bytes]");
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/reports/rep%2F1?format=a%20b%26c&tag=x&tag=y"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withHeader("X-API-Key", equalTo("key-abcdef12"))
                .withHeader("X-Tenant-Id", equalTo("t-1")));
  }

  @Test
  void refreshesARejectedTokenOnceAndSendsAgain(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/reports")
                .withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(aResponse().withStatus(401)));
    wm.getWireMock()
        .register(
            get("/reports")
                .withHeader("Authorization", equalTo("Bearer new"))
                .willReturn(aResponse().withBody("[]")));
    AtomicInteger invalidated = new AtomicInteger();
    TokenSource source =
        new TokenSource() {
          @Override
          public Optional<String> token() {
            return Optional.of(invalidated.get() == 0 ? "old" : "new");
          }

          @Override
          public boolean canRefresh() {
            return true;
          }

          @Override
          public void invalidate(String rejectedToken) {
            invalidated.incrementAndGet();
          }
        };
    PortalApiClient portal = TestClients.builder(wm).tokenSource(source).build();

    assertThat(portal.rawRequest(RawRequest.get("/reports").build()).text()).isEqualTo("[]");
    assertThat(invalidated).hasValue(1);
    wm.getWireMock().verifyThat(2, getRequestedFor(urlEqualTo("/reports")));
  }

  @Test
  void retriesAnIdempotentRouteAndRecordsTheFixedLowCardinalityTags(WireMockRuntimeInfo wm) {
    failOnceThen(wm, get("/reports/r1"), get("/reports/r1"));
    TestObservationRegistry registry = TestObservationRegistry.create();
    PortalApiClient portal = TestClients.builder(wm).observationRegistry(registry).build();

    portal.rawRequest(RawRequest.get("/reports/{id}").pathVariable("id", "r1").build());

    wm.getWireMock().verifyThat(2, getRequestedFor(urlEqualTo("/reports/r1")));
    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("portal.api.client.requests")
        .that()
        .hasLowCardinalityKeyValue("namespace", "raw")
        .hasLowCardinalityKeyValue("operation", "request")
        .hasLowCardinalityKeyValue("method", "GET")
        .hasLowCardinalityKeyValue("uri", "/reports/{id}")
        .hasLowCardinalityKeyValue("status", "200")
        .hasHighCardinalityKeyValue("http.url.path", "/reports/r1");
  }

  @Test
  void aPostIsNotRetriedUnlessMarkedIdempotentOrKeyed(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post("/exports").willReturn(aResponse().withStatus(503)));
    PortalApiClient portal = TestClients.client(wm);

    assertThatExceptionOfType(ServerException.class)
        .isThrownBy(
            () -> portal.rawRequest(RawRequest.post("/exports").body(Map.of("f", "csv")).build()))
        .withMessageContaining("not retried: POST is not idempotent");
    wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/exports")));

    failOnceThen(wm, post("/exports/search"), post("/exports/search"));
    RawResponse searched =
        portal.rawRequest(
            RawRequest.post("/exports/search").body(Map.of("page", 1)).idempotent(true).build());
    assertThat(searched.status()).isEqualTo(200);
    wm.getWireMock()
        .verifyThat(
            2,
            postRequestedFor(urlEqualTo("/exports/search"))
                .withRequestBody(equalToJson("{\"page\":1}")));
  }

  @Test
  void anErrorIsThrownAsTheStatusCallsForWithoutTheSecretsItEchoes(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/reports/r1")
                .willReturn(
                    aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"FORBIDDEN\",\"message\":\"token "
                                + TestClients.TOKEN
                                + " may not\"}}")));
    PortalApiClient portal = TestClients.client(wm);

    try (LogCapture logs = LogCapture.everything()) {
      assertThatExceptionOfType(PermissionDeniedException.class)
          .isThrownBy(
              () ->
                  portal.rawRequest(
                      RawRequest.get("/reports/{id}").pathVariable("id", "r1").build()))
          .withMessageContaining("403 FORBIDDEN: token [REDACTED] may not")
          .withMessageNotContaining(TestClients.TOKEN);
      assertThat(logs.text()).doesNotContain(TestClients.TOKEN);
    }
  }

  @Test
  void aTemplateAndItsVariablesMustMatch() {
    assertThatIllegalStateException()
        .isThrownBy(() -> RawRequest.get("/reports/{id}").build())
        .withMessage("path variable 'id' of /reports/{id} is not set");
    assertThatIllegalStateException()
        .isThrownBy(() -> RawRequest.get("/reports").pathVariable("id", "1").build())
        .withMessage("path variable 'id' is not in the template /reports");
    assertThatIllegalArgumentException().isThrownBy(() -> RawRequest.get("reports"));
    assertThatIllegalArgumentException().isThrownBy(() -> RawRequest.get("/reports?x=1"));
  }

  @Test
  void aBodyThatIsNotWhatWasAskedForFailsWithoutQuotingIt(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(get("/reports").willReturn(aResponse().withBody("secret-in-body-x1 not json")));
    RawResponse response = TestClients.client(wm).rawRequest(RawRequest.get("/reports").build());

    assertThatExceptionOfType(PortalApiException.class)
        .isThrownBy(() -> response.as(Report.class))
        .withMessageStartingWith("could not decode the 200 response of /reports as Report")
        .withMessageNotContaining("secret-in-body-x1")
        .satisfies(e -> assertThat(e.code()).isEqualTo("DECODE_ERROR"));
  }

  private static void failOnceThen(
      WireMockRuntimeInfo wm,
      com.github.tomakehurst.wiremock.client.MappingBuilder first,
      com.github.tomakehurst.wiremock.client.MappingBuilder then) {
    wm.getWireMock()
        .register(
            first
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
    wm.getWireMock()
        .register(
            then.inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withBody("{}")));
  }
}
