package com.winwinmbs.portal.api.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.NotFoundException;
import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.testing.TestClients;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class RequestExecutorTests {

  record Item(String id, String name) {}

  private RequestExecutor executor;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    executor =
        TestClients.executor(
            TestClients.builder(wm).userAgent("billing/2.3").tenantId("tenant-7").build());
  }

  private static void respond(WireMockRuntimeInfo wm, int status, String body) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
  }

  @Test
  void pageIsDecodedWithItsPagination(WireMockRuntimeInfo wm) {
    respond(
        wm,
        200,
        """
        {"success":true,"data":[{"id":"r1","name":"Admin","extra":1},{"id":"r2","name":"Viewer"}],
         "pagination":{"page":2,"limit":2,"total":5,"total_pages":3}}""");

    Page<Item> page =
        executor.executePage(
            Call.to(Endpoints.USER_SEARCH).json(Map.of("page", 2, "limit", 2)), Item.class);

    assertThat(page.items()).containsExactly(new Item("r1", "Admin"), new Item("r2", "Viewer"));
    assertThat(page.pagination().totalPages()).isEqualTo(3);
    assertThat(page.pagination().total()).isEqualTo(5);
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void pageWithoutPaginationIsASinglePage(WireMockRuntimeInfo wm) {
    respond(wm, 200, "{\"success\":true,\"data\":[{\"id\":\"r1\",\"name\":\"Admin\"}]}");

    Page<Item> page =
        executor.executePage(Call.to(Endpoints.USER_SEARCH).json(Map.of()), Item.class);

    assertThat(page.items()).hasSize(1);
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void payloadRouteAnswering204ReturnsNull(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(anyUrl()).willReturn(aResponse().withStatus(204)));

    Item item =
        executor.execute(
            Call.to(Endpoints.USER_UPDATE).path("id", "u1").json(Map.of("name", "x")), Item.class);

    assertThat(item).isNull();
  }

  @Test
  void plainRouteIsDecodedWithoutAnEnvelope(WireMockRuntimeInfo wm) {
    respond(wm, 200, "{\"id\":\"usr_1\",\"name\":\"Ann\"}");

    Item me = executor.execute(Call.to(Endpoints.AUTH_ME), Item.class);

    assertThat(me).isEqualTo(new Item("usr_1", "Ann"));
  }

  @Test
  void streamingHandsBackTheOpenBodyAndStillThrowsOnErrors(WireMockRuntimeInfo wm)
      throws Exception {
    byte[] pdf = "%PDF-1.7\nbinary\u0000bytes".getBytes(StandardCharsets.ISO_8859_1);
    wm.getWireMock()
        .register(
            get("/files/f1/download")
                .willReturn(
                    aResponse().withHeader("Content-Type", "application/pdf").withBody(pdf)));
    wm.getWireMock()
        .register(
            get("/files/missing/download")
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"FILE_NOT_FOUND\",\"message\":\"gone\"}}")));

    try (TransportResponse response =
            executor.executeStreaming(Call.to(Endpoints.FILES_DOWNLOAD).path("id", "f1"));
        InputStream in = response.body()) {
      assertThat(response.headers().first("Content-Type")).contains("application/pdf");
      assertThat(in.readAllBytes()).isEqualTo(pdf);
    }
    assertThatThrownBy(
            () ->
                executor.executeStreaming(Call.to(Endpoints.FILES_DOWNLOAD).path("id", "missing")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("FILE_NOT_FOUND");
  }

  @Test
  void everyCallCarriesAcceptUserAgentTenantAndJsonContentType(WireMockRuntimeInfo wm) {
    respond(wm, 200, "{\"success\":true,\"data\":{\"id\":\"u1\",\"name\":\"x\"}}");

    executor.execute(Call.to(Endpoints.USER_CREATE).json(Map.of("name", "x")), Item.class);

    wm.getWireMock()
        .verifyThat(
            anyRequestedFor(anyUrl())
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Tenant-Id", equalTo("tenant-7"))
                .withHeader(
                    "User-Agent",
                    com.github.tomakehurst.wiremock.client.WireMock.matching(
                        "portal-api-java/\\S+ Java/\\S+ billing/2\\.3")));
  }

  @Test
  void healthNamespaceGoesThroughTheSamePipeline(WireMockRuntimeInfo wm) {
    respond(wm, 200, "{\"success\":true,\"data\":{\"status\":\"ok\"}}");
    PortalApiClient portal = TestClients.client(wm);

    assertThat(portal.health().check().isUp()).isTrue();
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
  }
}
