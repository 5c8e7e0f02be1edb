package com.winwinmbs.portal.api.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.TokenSource;
import org.junit.jupiter.api.Test;

@WireMockTest
class HealthApiTests {

  @Test
  void checkSendsGetHealthAndDecodesTheEnvelope(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
            {"success":true,"data":{"status":"ok","info":{"database":{"status":"up"}},"error":{},
             "details":{"database":{"status":"up"}},"timestamp":"2026-11-22T08:00:00Z","build":"abc123"}}
            """)));
    PortalApiClient portal =
        PortalApiClient.builder()
            .apiUrl(wm.getHttpBaseUrl() + "/")
            .tokenSource(TokenSource.of("t0k3n"))
            .apiKey("app_key")
            .tenantId("tenant-1")
            .build();

    HealthStatus health = portal.health().check();

    assertThat(health.isUp()).isTrue();
    assertThat(health.info()).containsKey("database");
    assertThat(health.additionalProperties()).containsEntry("build", "abc123");
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer t0k3n"))
                .withHeader("X-API-Key", equalTo("app_key"))
                .withHeader("X-Tenant-Id", equalTo("tenant-1"))
                .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void checkAcceptsTheUnwrappedTerminusReport(WireMockRuntimeInfo wm) {
    stub(
        wm,
        """
        {"status":"ok","info":{"database":{"status":"up"}},"error":{},
         "details":{"database":{"status":"up"}}}
        """);

    HealthStatus health = client(wm).health().check();

    assertThat(health.isUp()).isTrue();
    assertThat(health.status()).isEqualTo("ok");
    assertThat(health.details()).containsKey("database");
  }

  @Test
  void anUnwrappedReportOfAFailingPortalIsDown(WireMockRuntimeInfo wm) {
    stub(wm, "{\"status\":\"error\",\"error\":{\"database\":{\"status\":\"down\"}}}");

    HealthStatus health = client(wm).health().check();

    assertThat(health.isUp()).isFalse();
    assertThat(health.error()).containsKey("database");
  }

  @Test
  void anEnvelopeReportingFailureIsAnError(WireMockRuntimeInfo wm) {
    stub(wm, "{\"success\":false,\"message\":\"maintenance\"}");

    assertThatExceptionOfType(PortalApiException.class)
        .isThrownBy(() -> client(wm).health().check())
        .withMessageContaining("maintenance")
        .withMessageContaining("the envelope reported success=false")
        .satisfies(e -> assertThat(e.code()).isEqualTo("UNSUCCESSFUL"));
  }

  @Test
  void aBodyOfNeitherShapeSaysSo(WireMockRuntimeInfo wm) {
    stub(wm, "{\"healthy\":true}");

    assertThatExceptionOfType(PortalApiException.class)
        .isThrownBy(() -> client(wm).health().check())
        .withMessageContaining(
            "neither the portal's {success, data} envelope nor a health report with a 'status'")
        .satisfies(e -> assertThat(e.code()).isEqualTo("DECODE_ERROR"));
  }

  @Test
  void theReportWritesNoDerivedUpField() {
    HealthStatus status = new HealthStatus("ok", null, null, null, null, null, null);

    assertThat(com.winwinmbs.portal.api.internal.PortalJson.MAPPER.writeValueAsString(status))
        .isEqualTo("{\"status\":\"ok\"}");
  }

  private static void stub(WireMockRuntimeInfo wm, String body) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse().withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static PortalApiClient client(WireMockRuntimeInfo wm) {
    return PortalApiClient.builder().apiUrl(wm.getHttpBaseUrl()).build();
  }
}
