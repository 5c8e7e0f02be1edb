package com.winwinmbs.portal.api.role;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@WireMockTest
class RoleApiTests {

  private static final String ROLE_ID = "rol_01HZX1HRMANAGER000000000001";

  private PortalApiClient portal;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    portal = TestClients.client(wm);
  }

  @Test
  void searchPostsTheCriteriaAndReturnsThePage() {
    stubFor(post("/roles/search").willReturn(okJson(Fixtures.read("role/search.json"))));

    Page<Role> page =
        portal
            .role()
            .search(
                SearchRequest.builder()
                    .page(1)
                    .limit(50)
                    .filter("is_active", true)
                    .sort(Sort.asc("code"))
                    .build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/roles/search")),
            """
        {"page": 1, "limit": 50, "filter": {"is_active": true}, "sort": [{"field": "code", "order": "ASC"}]}
        """));
    assertThat(page.items()).extracting(Role::code).containsExactly("ADMIN", "HR_MANAGER");
    assertThat(page.items()).extracting(Role::system).containsExactly(true, false);
    assertThat(page.pagination().limit()).isEqualTo(50);
  }

  @Test
  void searchAllFetchesTheSecondPageOnlyWhenIterationReachesIt() {
    stubTwoPages("/roles/search", "rol_");

    try (Stream<Role> roles = portal.role().searchAll(SearchRequest.builder().limit(2).build())) {
      assertThat(roles.limit(2).map(Role::id)).containsExactly("rol_1a", "rol_1b");
    }
    verify(exactly(1), postRequestedFor(urlEqualTo("/roles/search")));

    assertThat(portal.role().searchAll(SearchRequest.builder().limit(2).build()).map(Role::id))
        .containsExactly("rol_1a", "rol_1b", "rol_2a", "rol_2b");
    verify(exactly(3), postRequestedFor(urlEqualTo("/roles/search")));
    verify(withJson(postRequestedFor(urlEqualTo("/roles/search")), "{\"page\": 2, \"limit\": 2}"));
  }

  @Test
  void findByIdGetsTheRoleWithItsPermissions() {
    stubFor(get("/roles/" + ROLE_ID).willReturn(okJson(Fixtures.read("role/role.json"))));

    Role role = portal.role().findById(ROLE_ID);

    verify(
        authorized(getRequestedFor(urlEqualTo("/roles/" + ROLE_ID)))
            .withHeader("Content-Type", absent()));
    assertThat(role.id()).isEqualTo(ROLE_ID);
    assertThat(role.code()).isEqualTo("HR_MANAGER");
    assertThat(role.name()).isEqualTo("HR Manager");
    assertThat(role.description()).isEqualTo("Manages employee records and approves leave");
    assertThat(role.system()).isFalse();
    assertThat(role.active()).isTrue();
    assertThat(role.userCount()).isEqualTo(4);
    assertThat(role.permissions())
        .extracting(RolePermission::code)
        .containsExactly("user.read", "leave.approve");
    assertThat(role.permissions().get(1).categoryId()).isEqualTo("pct_01HZX0HR000000000000001");
    assertThat(role.createdAt()).isEqualTo(Instant.parse("2024-02-20T03:00:00Z"));
    assertThat(role.updatedAt()).isEqualTo(Instant.parse("2026-10-02T05:30:00Z"));
  }

  @Test
  void findByIdWhenNotFoundThrowsNotFoundException() {
    stubFor(
        get("/roles/rol_missing")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("role/not-found.json"))));

    assertThatExceptionOfType(NotFoundException.class)
        .isThrownBy(() -> portal.role().findById("rol_missing"))
        .satisfies(e -> assertThat(e.code()).isEqualTo("ROLE_NOT_FOUND"));
  }

  @Test
  void unknownFieldsSurviveDecodingAndEncoding() {
    stubFor(
        get("/roles/rol_01HZX1AUDITOR0000000000001")
            .willReturn(okJson(Fixtures.read("role/role-unknown.json"))));

    Role role = portal.role().findById("rol_01HZX1AUDITOR0000000000001");

    assertThat(role.permissions()).isEmpty();
    assertThat(role.additionalProperties())
        .containsEntry("scope", "tenant")
        .containsEntry("max_session_minutes", 30);
    JsonNode encoded = PortalJson.MAPPER.valueToTree(role);
    assertThat(encoded.get("scope").asString()).isEqualTo("tenant");
    assertThat(encoded.get("max_session_minutes").asInt()).isEqualTo(30);
    assertThat(PortalJson.MAPPER.treeToValue(encoded, Role.class)).isEqualTo(role);
  }

  @Test
  void createPostsTheNewRole() {
    stubFor(post("/roles").willReturn(okJson(Fixtures.read("role/role.json")).withStatus(201)));

    Role role =
        portal
            .role()
            .create(
                RoleCreateRequest.builder()
                    .code("HR_MANAGER")
                    .name("HR Manager")
                    .description("Manages employee records and approves leave")
                    .active(true)
                    .permissionIds(
                        List.of("prm_01HZX0USERREAD00000000001", "prm_01HZX0LEAVEAPPROVE0000001"))
                    .build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/roles")),
            """
        {"code": "HR_MANAGER", "name": "HR Manager", "description": "Manages employee records and approves leave",
         "is_active": true, "permission_ids": ["prm_01HZX0USERREAD00000000001", "prm_01HZX0LEAVEAPPROVE0000001"]}
        """));
    assertThat(role.id()).isEqualTo(ROLE_ID);
  }

  @Test
  void updatePutsOnlyTheFieldsSet() {
    stubFor(put("/roles/" + ROLE_ID).willReturn(okJson(Fixtures.read("role/role.json"))));

    Role role =
        portal
            .role()
            .update(ROLE_ID, RoleUpdateRequest.builder().description("HR managers").build());

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/roles/" + ROLE_ID)),
            "{\"description\": \"HR managers\"}"));
    assertThat(role.code()).isEqualTo("HR_MANAGER");
  }

  @Test
  void deleteSendsDelete() {
    stubFor(delete("/roles/" + ROLE_ID).willReturn(okJson(Fixtures.read("role/deleted.json"))));

    portal.role().delete(ROLE_ID);

    verify(
        authorized(deleteRequestedFor(urlEqualTo("/roles/" + ROLE_ID)))
            .withHeader("Content-Type", absent()));
  }

  @Test
  void setPermissionsPutsThePermissionIds() {
    stubFor(
        put("/roles/" + ROLE_ID + "/permissions")
            .willReturn(okJson(Fixtures.read("role/role.json"))));

    Role role =
        portal
            .role()
            .setPermissions(
                ROLE_ID, List.of("prm_01HZX0USERREAD00000000001", "prm_01HZX0LEAVEAPPROVE0000001"));

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/roles/" + ROLE_ID + "/permissions")),
            """
        {"permission_ids": ["prm_01HZX0USERREAD00000000001", "prm_01HZX0LEAVEAPPROVE0000001"]}
        """));
    assertThat(role.permissions()).hasSize(2);
  }

  @Test
  void setPermissionsWithAnEmptyListSendsAnEmptyList() {
    stubFor(
        put("/roles/" + ROLE_ID + "/permissions")
            .willReturn(okJson(Fixtures.read("role/role.json"))));

    portal.role().setPermissions(ROLE_ID, List.of());

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/roles/" + ROLE_ID + "/permissions")),
            "{\"permission_ids\": []}"));
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
