package com.winwinmbs.portal.api.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
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
}
