package com.winwinmbs.portal.api.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.Sort;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@WireMockTest
class WebhookApiTests {

  private static final String SECRET = "whsec_4f8a1c9e2b7d5a3f6c0e8b1d";

  @Test
  void searchPostsTheCriteriaAndDecodesThePage(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/webhooks/search")
                .willReturn(okJson(Fixtures.read("webhook/search-page-1.json"))));

    Page<Webhook> page =
        TestClients.client(wm)
            .webhook()
            .search(
                SearchRequest.builder()
                    .page(1)
                    .limit(2)
                    .search("hook")
                    .filter("is_active", true)
                    .sort(Sort.desc("created_at"))
                    .build());

    assertThat(page.items()).extracting(Webhook::id).containsExactly("wh_0001", "wh_0002");
    assertThat(page.items().get(0).events())
        .containsExactly(WebhookEvent.USER_CREATED, WebhookEvent.TODO_COMPLETED);
    assertThat(page.items().get(0).lastTriggeredAt())
        .isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));
    assertThat(page.pagination().totalPages()).isEqualTo(5);
    assertThat(page.hasNext()).isTrue();
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/webhooks/search"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withRequestBody(
                    equalToJson(
                        """
            {"page":1,"limit":2,"search":"hook","filter":{"is_active":true},
             "sort":[{"field":"created_at","order":"DESC"}]}
            """)));
  }

  @Test
  void searchAllFetchesLazilyAndStopsAtTheFirstItem(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/webhooks/search")
                .willReturn(okJson(Fixtures.read("webhook/search-page-1.json"))));

    List<Webhook> first =
        TestClients.client(wm)
            .webhook()
            .searchAll(SearchRequest.builder().limit(2).build())
            .limit(1)
            .toList();

    assertThat(first).extracting(Webhook::id).containsExactly("wh_0001");
    assertThat(wm.getWireMock().find(postRequestedFor(urlEqualTo("/webhooks/search")))).hasSize(1);
  }

  @Test
  void searchAllAsksForTheNextPageWhenIterationReachesIt(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/webhooks/search")
                .withRequestBody(matchingJsonPath("$.page", equalTo("1")))
                .willReturn(okJson(Fixtures.read("webhook/search-page-1.json"))));
    wm.getWireMock()
        .register(
            post("/webhooks/search")
                .withRequestBody(matchingJsonPath("$.page", equalTo("2")))
                .willReturn(okJson(Fixtures.read("webhook/search-page-2.json"))));

    String ids =
        TestClients.client(wm)
            .webhook()
            .searchAll(SearchRequest.builder().limit(2).build())
            .limit(3)
            .map(Webhook::id)
            .collect(Collectors.joining(","));

    assertThat(ids).isEqualTo("wh_0001,wh_0002,wh_0003");
    wm.getWireMock().verifyThat(2, postRequestedFor(urlEqualTo("/webhooks/search")));
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/webhooks/search"))
                .withRequestBody(equalToJson("{\"page\":2,\"limit\":2}")));
  }

  @Test
  void findByIdDecodesTheWebhookAndKeepsUnknownFieldsAndEvents(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/webhooks/wh_2b7d9f1a").willReturn(okJson(Fixtures.read("webhook/webhook.json"))));

    Webhook webhook = TestClients.client(wm).webhook().findById("wh_2b7d9f1a");

    assertThat(webhook.name()).isEqualTo("ERP sync");
    assertThat(webhook.url()).isEqualTo("https://erp.example.co.th/portal-events");
    assertThat(webhook.description()).isEqualTo("Pushes user changes to the ERP");
    assertThat(webhook.isActive()).isTrue();
    assertThat(webhook.maxRetries()).isEqualTo(5);
    assertThat(webhook.failureCount()).isZero();
    assertThat(webhook.lastStatusCode()).isNull();
    assertThat(webhook.createdBy()).isEqualTo("3f8e2b6a-91c4-4d0e-b7a2-5c1d9e8f0a11");
    assertThat(webhook.createdAt()).isEqualTo(Instant.parse("2026-11-22T08:45:00Z"));
    assertThat(webhook.events())
        .containsExactly(
            WebhookEvent.USER_CREATED, WebhookEvent.USER_UPDATED, WebhookEvent.of("invoice.paid"));
    assertThat(webhook.events().get(2).isKnown()).isFalse();
    assertThat(webhook.additionalProperties())
        .containsEntry("signature_header", "X-Portal-Signature");
    String reencoded = PortalJson.MAPPER.writeValueAsString(webhook);
    assertThat(reencoded)
        .contains("\"events\":[\"user.created\",\"user.updated\",\"invoice.paid\"]")
        .contains("\"signature_header\":\"X-Portal-Signature\"")
        .contains("\"is_active\":true");
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/webhooks/wh_2b7d9f1a"))
                .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void createPostsTheSubscriptionAndKeepsTheSecretOutOfLogsAndToString(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/webhooks").willReturn(okJson(Fixtures.read("webhook/webhook.json"))));
    WebhookCreateRequest request =
        WebhookCreateRequest.builder()
            .name("ERP sync")
            .url("https://erp.example.co.th/portal-events")
            .description("Pushes user changes to the ERP")
            .events(
                List.of(
                    WebhookEvent.USER_CREATED,
                    WebhookEvent.USER_UPDATED,
                    WebhookEvent.of("invoice.paid")))
            .secret(SECRET)
            .isActive(true)
            .maxRetries(5)
            .build();

    Webhook webhook;
    try (LogCapture logs = LogCapture.start()) {
      webhook = TestClients.client(wm).webhook().create(request);
      assertThat(logs.text()).isNotEmpty().doesNotContain(SECRET);
    }

    assertThat(webhook.secret()).isEqualTo(SECRET);
    assertThat(webhook.toString()).doesNotContain(SECRET).contains("secret=[REDACTED]");
    assertThat(request.toString()).doesNotContain(SECRET).contains("secret=[REDACTED]");
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/webhooks"))
                .withRequestBody(
                    equalToJson(
                        """
        {"name":"ERP sync","url":"https://erp.example.co.th/portal-events","description":"Pushes user changes to the ERP",
         "events":["user.created","user.updated","invoice.paid"],"secret":"whsec_4f8a1c9e2b7d5a3f6c0e8b1d",
         "is_active":true,"max_retries":5}
        """)));
  }

  @Test
  void createWithoutUrlOrEventsIsRefused() {
    assertThatThrownBy(
            () -> WebhookCreateRequest.builder().events(List.of(WebhookEvent.USER_CREATED)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs the url");
    assertThatThrownBy(() -> WebhookCreateRequest.builder().url("https://x.example").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one event");
  }

  @Test
  void updatePutsOnlyTheFieldsSet(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            put("/webhooks/wh_2b7d9f1a").willReturn(okJson(Fixtures.read("webhook/webhook.json"))));

    Webhook webhook =
        TestClients.client(wm)
            .webhook()
            .update(
                "wh_2b7d9f1a",
                WebhookUpdateRequest.builder()
                    .isActive(false)
                    .events(List.of(WebhookEvent.FILE_UPLOADED))
                    .build());

    assertThat(webhook.id()).isEqualTo("wh_2b7d9f1a");
    wm.getWireMock()
        .verifyThat(
            putRequestedFor(urlEqualTo("/webhooks/wh_2b7d9f1a"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(
                    equalToJson("{\"is_active\":false,\"events\":[\"file.uploaded\"]}")));
  }

  @Test
  void deleteSendsDeleteToTheWebhook(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            delete("/webhooks/wh_2b7d9f1a").willReturn(okJson("{\"success\":true,\"data\":null}")));

    TestClients.client(wm).webhook().delete("wh_2b7d9f1a");

    wm.getWireMock()
        .verifyThat(
            deleteRequestedFor(urlEqualTo("/webhooks/wh_2b7d9f1a"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
  }
}
