package com.winwinmbs.portal.api.permission;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.winwinmbs.portal.api.NotFoundException;
import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.Sort;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@WireMockTest
class PermissionApiTests {

  private static final String PERMISSION_ID = "prm_01HZX0LEAVEAPPROVE0000001";

  private PortalApiClient portal;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    portal = TestClients.client(wm);
  }

  @Test
  void searchPostsTheCriteriaAndReturnsThePage() {
    stubFor(
        post("/permissions/search").willReturn(okJson(Fixtures.read("permission/search.json"))));

    Page<Permission> page =
        portal
            .permission()
            .search(
                SearchRequest.builder()
                    .search("leave")
                    .filter("category_id", "pct_01HZX0HR000000000000001")
                    .sort(Sort.asc("code"))
                    .build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/permissions/search")),
            """
        {"search": "leave", "filter": {"category_id": "pct_01HZX0HR000000000000001"},
         "sort": [{"field": "code", "order": "ASC"}]}
        """));
    assertThat(page.items())
        .extracting(Permission::code)
        .containsExactly("leave.approve", "leave.read");
    assertThat(page.items()).extracting(Permission::action).containsExactly("approve", "read");
    assertThat(page.pagination().total()).isEqualTo(2);
  }

  @Test
  void searchAllFetchesTheSecondPageOnlyWhenIterationReachesIt() {
    stubTwoPages("/permissions/search", "prm_");

    try (Stream<Permission> permissions =
        portal.permission().searchAll(SearchRequest.builder().limit(2).build())) {
      assertThat(permissions.findFirst()).map(Permission::id).contains("prm_1a");
    }
    verify(exactly(1), postRequestedFor(urlEqualTo("/permissions/search")));

    assertThat(
            portal
                .permission()
                .searchAll(SearchRequest.builder().limit(2).build())
                .map(Permission::id))
        .containsExactly("prm_1a", "prm_1b", "prm_2a", "prm_2b");
    verify(exactly(3), postRequestedFor(urlEqualTo("/permissions/search")));
  }

  @Test
  void findByIdGetsThePermissionAndDecodesEveryField() {
    stubFor(
        get("/permissions/" + PERMISSION_ID)
            .willReturn(okJson(Fixtures.read("permission/permission.json"))));

    Permission permission = portal.permission().findById(PERMISSION_ID);

    verify(
        authorized(getRequestedFor(urlEqualTo("/permissions/" + PERMISSION_ID)))
            .withHeader("Content-Type", absent()));
    assertThat(permission.id()).isEqualTo(PERMISSION_ID);
    assertThat(permission.code()).isEqualTo("leave.approve");
    assertThat(permission.name()).isEqualTo("Approve leave");
    assertThat(permission.description())
        .isEqualTo("Approve or reject leave requests of the user's teams");
    assertThat(permission.categoryId()).isEqualTo("pct_01HZX0HR000000000000001");
    assertThat(permission.resource()).isEqualTo("leave");
    assertThat(permission.action()).isEqualTo("approve");
    assertThat(permission.system()).isTrue();
    assertThat(permission.createdAt()).isEqualTo(Instant.parse("2024-02-20T03:00:00Z"));
    assertThat(permission.updatedAt()).isEqualTo(Instant.parse("2024-02-20T03:00:00Z"));
  }

  @Test
  void findByIdWhenNotFoundThrowsNotFoundException() {
    stubFor(
        get("/permissions/prm_missing")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("permission/not-found.json"))));

    assertThatExceptionOfType(NotFoundException.class)
        .isThrownBy(() -> portal.permission().findById("prm_missing"))
        .satisfies(e -> assertThat(e.code()).isEqualTo("PERMISSION_NOT_FOUND"));
  }

  @Test
  void unknownFieldsSurviveDecodingAndEncoding() {
    stubFor(
        get("/permissions/prm_01HZX0INVOICEAPPROVE00001")
            .willReturn(okJson(Fixtures.read("permission/permission-unknown.json"))));

    Permission permission = portal.permission().findById("prm_01HZX0INVOICEAPPROVE00001");

    assertThat(permission.additionalProperties())
        .containsEntry("risk_level", "high")
        .containsKey("conditions");
    JsonNode encoded = PortalJson.MAPPER.valueToTree(permission);
    assertThat(encoded.get("risk_level").asString()).isEqualTo("high");
    assertThat(encoded.get("conditions").get("max_amount").asInt()).isEqualTo(500000);
    assertThat(PortalJson.MAPPER.treeToValue(encoded, Permission.class)).isEqualTo(permission);
  }

  @Test
  void createPostsTheNewPermission() {
    stubFor(
        post("/permissions")
            .willReturn(okJson(Fixtures.read("permission/permission.json")).withStatus(201)));

    Permission permission =
        portal
            .permission()
            .create(
                PermissionCreateRequest.builder()
                    .code("leave.approve")
                    .name("Approve leave")
                    .categoryId("pct_01HZX0HR000000000000001")
                    .description("Approve or reject leave requests of the user's teams")
                    .resource("leave")
                    .action("approve")
                    .build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/permissions")),
            """
        {"code": "leave.approve", "name": "Approve leave", "category_id": "pct_01HZX0HR000000000000001",
         "description": "Approve or reject leave requests of the user's teams", "resource": "leave",
         "action": "approve"}
        """));
    assertThat(permission.id()).isEqualTo(PERMISSION_ID);
  }

  @Test
  void updatePutsOnlyTheFieldsSet() {
    stubFor(
        put("/permissions/" + PERMISSION_ID)
            .willReturn(okJson(Fixtures.read("permission/permission.json"))));

    Permission permission =
        portal
            .permission()
            .update(
                PERMISSION_ID,
                PermissionUpdateRequest.builder()
                    .name("Approve leave")
                    .categoryId("pct_01HZX0HRLEAVE00000000001")
                    .build());

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/permissions/" + PERMISSION_ID)),
            """
        {"name": "Approve leave", "category_id": "pct_01HZX0HRLEAVE00000000001"}
        """));
    assertThat(permission.code()).isEqualTo("leave.approve");
  }

  @Test
  void deleteSendsDelete() {
    stubFor(
        delete("/permissions/" + PERMISSION_ID)
            .willReturn(okJson(Fixtures.read("permission/deleted.json"))));

    portal.permission().delete(PERMISSION_ID);

    verify(
        authorized(deleteRequestedFor(urlEqualTo("/permissions/" + PERMISSION_ID)))
            .withHeader("Content-Type", absent()));
  }

  private static void stubTwoPages(String path, String idPrefix) {
    for (int n = 1; n <= 2; n++) {
      stubFor(
          post(path)
              .withRequestBody(matchingJsonPath("$.page", equalTo(String.valueOf(n))))
              .willReturn(
                  okJson(
                      "{\"success\": true, \"data\": [{\"id\": \""
                          + idPrefix
                          + n
                          + "a\"}, {\"id\": \""
                          + idPrefix
                          + n
                          + "b\"}], \"pagination\": {\"page\": "
                          + n
                          + ", \"limit\": 2, \"total\": 4, \"total_pages\": 2}}")));
    }
  }

  private static RequestPatternBuilder authorized(RequestPatternBuilder request) {
    return request
        .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
        .withHeader("Accept", equalTo("application/json"));
  }

  private static RequestPatternBuilder withJson(RequestPatternBuilder request, String json) {
    return authorized(request)
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(json));
  }
}
