package com.winwinmbs.portal.api.eventlog;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.Sort;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@WireMockTest
class EventLogApiTests {

  @Test
  void searchPostsTheCriteriaAndDecodesKnownAndUnknownCategoriesAndActors(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/event-logs/search").willReturn(okJson(Fixtures.read("eventlog/search.json"))));

    Page<EventLog> page =
        TestClients.client(wm)
            .eventLog()
            .search(
                SearchRequest.builder()
                    .page(1)
                    .limit(2)
                    .filter(
                        "category", List.of(EventCategory.AUTHENTICATION.value(), "ai_assistant"))
                    .filter("created_at_from", "2026-11-22T00:00:00Z")
                    .sort(Sort.desc("created_at"))
                    .build());

    EventLog login = page.items().get(0);
    assertThat(login.category()).isSameAs(EventCategory.AUTHENTICATION);
    assertThat(login.actorType()).isSameAs(ActorType.USER);
    assertThat(login.action()).isEqualTo("user.login");
    EventLog agent = page.items().get(1);
    assertThat(agent.category().value()).isEqualTo("ai_assistant");
    assertThat(agent.category().isKnown()).isFalse();
    assertThat(agent.actorType().value()).isEqualTo("mcp_agent");
    assertThat(agent.actorType().isKnown()).isFalse();
    assertThat(PortalJson.MAPPER.writeValueAsString(agent))
        .contains("\"category\":\"ai_assistant\"")
        .contains("\"actor_type\":\"mcp_agent\"");
    assertThat(page.pagination().total()).isEqualTo(2);
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/event-logs/search"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withRequestBody(
                    equalToJson(
                        """
            {"page":1,"limit":2,"filter":{"category":["authentication","ai_assistant"],
             "created_at_from":"2026-11-22T00:00:00Z"},"sort":[{"field":"created_at","order":"DESC"}]}
            """)));
  }

  @Test
  void searchAllStopsAfterTheLastPage(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/event-logs/search").willReturn(okJson(Fixtures.read("eventlog/search.json"))));

    List<EventLog> all = TestClients.client(wm).eventLog().searchAll(SearchRequest.all()).toList();

    assertThat(all).hasSize(2);
    wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/event-logs/search")));
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/event-logs/search"))
                .withRequestBody(equalToJson("{\"page\":1}")));
  }

  @Test
  void findByIdDecodesEveryFieldAndKeepsUnknownOnes(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/event-logs/evt_01JD5ZK3M8Q2R7T4V9X1Y6W0B3")
                .willReturn(okJson(Fixtures.read("eventlog/event-log.json"))));

    EventLog log = TestClients.client(wm).eventLog().findById("evt_01JD5ZK3M8Q2R7T4V9X1Y6W0B3");

    assertThat(log.id()).isEqualTo("evt_01JD5ZK3M8Q2R7T4V9X1Y6W0B3");
    assertThat(log.category()).isSameAs(EventCategory.AUTHENTICATION);
    assertThat(log.actorType()).isSameAs(ActorType.USER);
    assertThat(log.actorId()).isEqualTo("3f8e2b6a-91c4-4d0e-b7a2-5c1d9e8f0a11");
    assertThat(log.actorName()).isEqualTo("Somchai Jaidee");
    assertThat(log.resourceType()).isEqualTo("session");
    assertThat(log.resourceId()).isEqualTo("ses_7c1a9e");
    assertThat(log.resourceName()).isNull();
    assertThat(log.description()).isEqualTo("Signed in with SSO (Microsoft)");
    assertThat(log.status()).isEqualTo("success");
    assertThat(log.ipAddress()).isEqualTo("203.0.113.42");
    assertThat(log.userAgent()).startsWith("Mozilla/5.0");
    assertThat(log.requestId()).isEqualTo("req_c2f9a1");
    assertThat(log.metadata()).containsEntry("provider", "azure_ad").containsEntry("mfa", true);
    assertThat(log.createdAt()).isEqualTo(Instant.parse("2026-11-22T01:02:03.456Z"));
    assertThat(log.additionalProperties()).containsEntry("tenant_id", "acme");
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/event-logs/evt_01JD5ZK3M8Q2R7T4V9X1Y6W0B3"))
                .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void knownValuesDecodeToTheirConstants() {
    assertThat(PortalJson.MAPPER.readValue("\"service\"", ActorType.class))
        .isSameAs(ActorType.SERVICE);
    assertThat(PortalJson.MAPPER.readValue("\"security\"", EventCategory.class))
        .isSameAs(EventCategory.SECURITY);
    assertThat(ActorType.known()).contains(ActorType.API_KEY);
  }
}
