package com.winwinmbs.portal.api.mcptoken;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.NotFoundException;
import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.Pagination;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@WireMockTest
class McpTokenApiTests {

  static final String TOKEN_ID = "770e8400-e29b-41d4-a716-446655440002";
  static final String TOKEN_VALUE = "mcp_acme_7f3d8a9c4e1b2f5a6d8c9e0f1a2b3c4d";

  static CreateMcpTokenRequest claude() {
    Map<String, List<String>> permissions = new LinkedHashMap<>();
    permissions.put("projects", List.of("read", "search"));
    permissions.put("issues", List.of("read", "create", "update", "search"));
    permissions.put("documents", List.of("read", "create", "search"));
    permissions.put("reports", List.of("read"));
    return new CreateMcpTokenRequest(
        "Claude AI Agent",
        permissions,
        Instant.parse("2026-11-01T00:00:00Z"),
        List.of("192.168.1.100", "10.0.0.0/24"));
  }

  @Test
  void listDecodesTheGuideTokens(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/mcp/tokens")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("mcptoken/list.json"))));

    List<McpToken> tokens = TestClients.client(wm).mcpToken().list();

    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/mcp/tokens"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withHeader("Accept", equalTo("application/json")));
    assertThat(tokens).hasSize(1);
    McpToken token = tokens.get(0);
    assertThat(token.id()).isEqualTo(TOKEN_ID);
    assertThat(token.name()).isEqualTo("Claude AI Agent");
    assertThat(token.permissions())
        .containsOnlyKeys("projects", "issues", "documents")
        .containsEntry("issues", List.of("read", "create", "update", "search"));
    assertThat(token.status()).isEqualTo(McpTokenStatus.ACTIVE);
    assertThat(token.createdAt()).isEqualTo(Instant.parse("2025-11-01T10:00:00Z"));
    assertThat(token.lastUsedAt()).isEqualTo(Instant.parse("2025-11-03T14:30:00Z"));
    assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    assertThat(token.usageCount()).isEqualTo(1234L);
    assertThat(token.ipWhitelist()).isNull();
  }

  @Test
  void createPostsTheGuideBodyAndReturnsTheValueOnceWithoutLoggingOrPrintingIt(
      WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/mcp/tokens")
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("mcptoken/create.json"))));

    CreatedMcpToken created;
    String logText;
    try (LogCapture logs = LogCapture.start()) {
      created = TestClients.client(wm).mcpToken().create(claude());
      logText = logs.text();
    }

    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/mcp/tokens"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(
                    equalToJson(
                        """
            {
              "name": "Claude AI Agent",
              "permissions": {
                "projects": ["read", "search"],
                "issues": ["read", "create", "update", "search"],
                "documents": ["read", "create", "search"],
                "reports": ["read"]
              },
              "expiresAt": "2026-11-01T00:00:00Z",
              "ipWhitelist": ["192.168.1.100", "10.0.0.0/24"]
            }
            """)));
    assertThat(created.tokenId()).isEqualTo(TOKEN_ID);
    assertThat(created.token()).isEqualTo(TOKEN_VALUE);
    assertThat(created.name()).isEqualTo("Claude AI Agent");
    assertThat(created.createdAt()).isEqualTo(Instant.parse("2025-11-03T10:00:00Z"));
    assertThat(created.expiresAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(created.toString()).doesNotContain(TOKEN_VALUE).contains("token=[REDACTED]");
    assertThat(logText)
        .contains("POST /mcp/tokens")
        .doesNotContain(TOKEN_VALUE)
        .doesNotContain("7f3d8a9c");
  }

  @Test
  void createWithNameAndPermissionsOnlySendsNoOtherField(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/mcp/tokens")
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("mcptoken/create.json"))));

    TestClients.client(wm)
        .mcpToken()
        .create(new CreateMcpTokenRequest("Reporter", Map.of("reports", List.of("read"))));

    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/mcp/tokens"))
                .withRequestBody(
                    equalToJson(
                        "{\"name\": \"Reporter\", \"permissions\": {\"reports\": [\"read\"]}}")));
  }

  @Test
  void findByIdDecodesTheGuideDetails(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/mcp/tokens/" + TOKEN_ID)
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("mcptoken/get.json"))));

    McpToken token = TestClients.client(wm).mcpToken().findById(TOKEN_ID);

    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/mcp/tokens/" + TOKEN_ID))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
    assertThat(token.id()).isEqualTo(TOKEN_ID);
    assertThat(token.permissions()).containsOnlyKeys("projects", "issues");
    assertThat(token.ipWhitelist()).containsExactly("192.168.1.100");
    assertThat(token.usageCount()).isEqualTo(1234L);
  }

  @Test
  void findByIdOfAnUnknownTokenThrowsNotFoundException(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/mcp/tokens/nope")
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\": \"Not Found\", \"message\": \"Token not found\", \"statusCode\": 404}")));

    assertThatThrownBy(() -> TestClients.client(wm).mcpToken().findById("nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Token not found");
  }

  @Test
  void revokeWithAReasonSendsItAsTheDeleteBody(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            delete("/mcp/tokens/" + TOKEN_ID)
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("mcptoken/revoke.json"))));

    TestClients.client(wm).mcpToken().revoke(TOKEN_ID, "No longer needed");

    wm.getWireMock()
        .verifyThat(
            deleteRequestedFor(urlEqualTo("/mcp/tokens/" + TOKEN_ID))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withRequestBody(equalToJson("{\"reason\": \"No longer needed\"}")));
  }

  @Test
  void revokeWithoutAReasonSendsNoBodyAndAccepts204(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(delete("/mcp/tokens/" + TOKEN_ID).willReturn(aResponse().withStatus(204)));

    TestClients.client(wm).mcpToken().revoke(TOKEN_ID, null);

    var requests =
        wm.getWireMock()
            .find(
                deleteRequestedFor(urlEqualTo("/mcp/tokens/" + TOKEN_ID))
                    .withHeader("Content-Type", absent()));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getBody()).isEmpty();
  }

  @Test
  void auditLogsSendsEveryFilterAndMapsTheGuidePaginationOntoPagination(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/mcp/tokens/" + TOKEN_ID + "/audit-logs"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("mcptoken/audit-logs.json"))));
    AuditLogQuery query =
        AuditLogQuery.builder()
            .page(1)
            .limit(50)
            .startDate(Instant.parse("2025-11-01T00:00:00Z"))
            .endDate(Instant.parse("2025-11-03T23:59:59Z"))
            .statusCode(200)
            .build();

    Page<McpAuditLog> page = TestClients.client(wm).mcpToken().auditLogs(TOKEN_ID, query);

    wm.getWireMock()
        .verifyThat(
            getRequestedFor(
                urlEqualTo(
                    "/mcp/tokens/"
                        + TOKEN_ID
                        + "/audit-logs"
                        + "?page=1&limit=50&startDate=2025-11-01T00%3A00%3A00Z&endDate=2025-11-03T23%3A59%3A59Z&statusCode=200")));
    assertThat(page.pagination()).isEqualTo(new Pagination(1, 50, 234, 5));
    assertThat(page.hasNext()).isTrue();
    assertThat(page.items()).hasSize(2);
    McpAuditLog first = page.items().get(0);
    assertThat(first.id()).isEqualTo("880e8400-e29b-41d4-a716-446655440003");
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2025-11-03T14:30:15Z"));
    assertThat(first.httpMethod()).isEqualTo("GET");
    assertThat(first.endpoint()).isEqualTo("/api/mcp/issues/search");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.durationMs()).isEqualTo(125L);
    assertThat(first.ipAddress()).isEqualTo("192.168.1.100");
    assertThat(first.userAgent()).isEqualTo("Claude-MCP-Client/1.0");
    assertThat(page.items().get(1).statusCode()).isEqualTo(201);
  }

  @Test
  void auditLogsWithAnEmptyQuerySendsNoParameters(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/mcp/tokens/t-1/audit-logs"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("mcptoken/audit-logs.json"))));

    TestClients.client(wm).mcpToken().auditLogs("t-1", AuditLogQuery.all());

    wm.getWireMock().verifyThat(getRequestedFor(urlEqualTo("/mcp/tokens/t-1/audit-logs")));
  }

  @Test
  void aLimitOutsideOneToHundredFailsBeforeAnythingIsSent(WireMockRuntimeInfo wm) {
    PortalApiClient portal = TestClients.client(wm);

    assertThatThrownBy(
            () -> portal.mcpToken().auditLogs(TOKEN_ID, AuditLogQuery.builder().limit(101).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be between 1 and 100: 101");
    assertThatThrownBy(
            () -> portal.mcpToken().auditLogs(TOKEN_ID, new AuditLogQuery(1, 0, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be between 1 and 100: 0");
    assertThatThrownBy(() -> AuditLogQuery.builder().page(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page");
    assertThatThrownBy(() -> AuditLogQuery.builder().statusCode(42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("statusCode");
    assertThatThrownBy(
            () ->
                AuditLogQuery.builder()
                    .startDate(Instant.parse("2025-11-03T00:00:00Z"))
                    .endDate(Instant.parse("2025-11-01T00:00:00Z"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startDate");
    assertThat(AuditLogQuery.builder().limit(1).build().limit()).isEqualTo(1);
    assertThat(AuditLogQuery.builder().limit(100).build().limit()).isEqualTo(100);
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void auditLogsAllFetchesPagesLazilyUntilTheLastAndKeepsTheFilters(WireMockRuntimeInfo wm) {
    for (int page = 1; page <= 3; page++) {
      wm.getWireMock()
          .register(
              get(urlEqualTo("/mcp/tokens/t-1/audit-logs?page=" + page + "&limit=2&statusCode=403"))
                  .willReturn(
                      aResponse()
                          .withHeader("Content-Type", "application/json")
                          .withBody(
                              """
              {"logs": [{"id": "log-%1$d-a", "statusCode": 403}, {"id": "log-%1$d-b", "statusCode": 403}],
               "pagination": {"page": %1$d, "limit": 2, "totalPages": 3, "totalCount": 6}}
              """
                                  .formatted(page))));
    }
    PortalApiClient portal = TestClients.client(wm);
    AuditLogQuery query = AuditLogQuery.builder().limit(2).statusCode(403).build();

    List<String> firstThree =
        portal
            .mcpToken()
            .auditLogsAll("t-1", query)
            .limit(3)
            .map(McpAuditLog::id)
            .collect(Collectors.toList());

    assertThat(firstThree).containsExactly("log-1-a", "log-1-b", "log-2-a");
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/mcp/tokens/t-1/audit-logs"))))
        .hasSize(2);

    List<String> all =
        portal
            .mcpToken()
            .auditLogsAll("t-1", query)
            .map(McpAuditLog::id)
            .collect(Collectors.toList());

    assertThat(all).hasSize(6).endsWith("log-3-b");
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/mcp/tokens/t-1/audit-logs"))))
        .hasSize(5);
  }

  @Test
  void unknownStatusesDecodeAndKeepTheirValue(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/mcp/tokens/t-9")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"id\": \"t-9\", \"status\": \"Suspended\", \"scopes\": [\"mcp\"]}")));

    McpToken token = TestClients.client(wm).mcpToken().findById("t-9");

    assertThat(token.status().value()).isEqualTo("Suspended");
    assertThat(token.status().isKnown()).isFalse();
    assertThat(token.additionalProperties()).containsEntry("scopes", List.of("mcp"));
  }
}
