package com.winwinmbs.portal.api.permissioncategory;

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
class PermissionCategoryApiTests {

  private static final String HR_ID = "pct_01HZX0HR000000000000001";

  private PortalApiClient portal;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    portal = TestClients.client(wm);
  }

  @Test
  void searchPostsTheCriteriaAndReturnsThePage() {
    stubFor(
        post("/permission-categories/search")
            .willReturn(okJson(Fixtures.read("permission-category/search.json"))));

    Page<PermissionCategory> page =
        portal
            .permissionCategory()
            .search(SearchRequest.builder().page(1).limit(20).sort(Sort.asc("name")).build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/permission-categories/search")),
            """
        {"page": 1, "limit": 20, "sort": [{"field": "name", "order": "ASC"}]}
        """));
    assertThat(page.items()).extracting(PermissionCategory::code).containsExactly("finance", "hr");
    assertThat(page.items().get(1).permissionCount()).isEqualTo(9);
  }

  @Test
  void searchAllFetchesTheSecondPageOnlyWhenIterationReachesIt() {
    stubTwoPages("/permission-categories/search", "pct_");

    try (Stream<PermissionCategory> categories =
        portal.permissionCategory().searchAll(SearchRequest.builder().limit(2).build())) {
      assertThat(categories.findFirst()).map(PermissionCategory::id).contains("pct_1a");
    }
    verify(exactly(1), postRequestedFor(urlEqualTo("/permission-categories/search")));

    assertThat(
            portal
                .permissionCategory()
                .searchAll(SearchRequest.builder().limit(2).build())
                .map(PermissionCategory::id))
        .containsExactly("pct_1a", "pct_1b", "pct_2a", "pct_2b");
    verify(exactly(3), postRequestedFor(urlEqualTo("/permission-categories/search")));
  }

  @Test
  void treeGetsTheRootsWithTheirChildren() {
    stubFor(
        get("/permission-categories/tree")
            .willReturn(okJson(Fixtures.read("permission-category/tree.json"))));

    List<PermissionCategory> roots = portal.permissionCategory().tree();

    verify(
        authorized(getRequestedFor(urlEqualTo("/permission-categories/tree")))
            .withHeader("Content-Type", absent()));
    assertThat(roots).extracting(PermissionCategory::code).containsExactly("hr", "finance");
    assertThat(roots.get(0).children())
        .extracting(PermissionCategory::code)
        .containsExactly("hr.leave", "hr.payroll");
    assertThat(roots.get(0).children().get(0).parentId()).isEqualTo(HR_ID);
    assertThat(roots.get(0).children().get(1).children()).isEmpty();
    assertThat(roots.get(1).children()).isEmpty();
  }

  @Test
  void findByIdGetsTheCategoryAndDecodesEveryField() {
    stubFor(
        get("/permission-categories/" + HR_ID)
            .willReturn(okJson(Fixtures.read("permission-category/category.json"))));

    PermissionCategory category = portal.permissionCategory().findById(HR_ID);

    verify(
        authorized(getRequestedFor(urlEqualTo("/permission-categories/" + HR_ID)))
            .withHeader("Content-Type", absent()));
    assertThat(category.id()).isEqualTo(HR_ID);
    assertThat(category.code()).isEqualTo("hr");
    assertThat(category.name()).isEqualTo("Human resources");
    assertThat(category.description()).isEqualTo("Employees, leave and payroll");
    assertThat(category.parentId()).isNull();
    assertThat(category.level()).isZero();
    assertThat(category.sortOrder()).isEqualTo(3);
    assertThat(category.permissionCount()).isEqualTo(9);
    assertThat(category.createdAt()).isEqualTo(Instant.parse("2024-02-20T03:00:00Z"));
    assertThat(category.updatedAt()).isEqualTo(Instant.parse("2025-05-12T01:00:00Z"));
  }

  @Test
  void findByIdWhenNotFoundThrowsNotFoundException() {
    stubFor(
        get("/permission-categories/pct_missing")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("permission-category/not-found.json"))));

    assertThatExceptionOfType(NotFoundException.class)
        .isThrownBy(() -> portal.permissionCategory().findById("pct_missing"))
        .satisfies(e -> assertThat(e.code()).isEqualTo("PERMISSION_CATEGORY_NOT_FOUND"));
  }

  @Test
  void unknownFieldsSurviveDecodingAndEncoding() {
    stubFor(
        get("/permission-categories/pct_01HZX0LAB00000000000001")
            .willReturn(okJson(Fixtures.read("permission-category/category-unknown.json"))));

    PermissionCategory category =
        portal.permissionCategory().findById("pct_01HZX0LAB00000000000001");

    assertThat(category.additionalProperties())
        .containsEntry("icon", "flask")
        .containsKey("visibility");
    JsonNode encoded = PortalJson.MAPPER.valueToTree(category);
    assertThat(encoded.get("icon").asString()).isEqualTo("flask");
    assertThat(encoded.get("visibility").get("tenants").get(0).asString()).isEqualTo("tnt_acme");
    assertThat(PortalJson.MAPPER.treeToValue(encoded, PermissionCategory.class))
        .isEqualTo(category);
  }

  @Test
  void createPostsTheNewCategory() {
    stubFor(
        post("/permission-categories")
            .willReturn(
                okJson(Fixtures.read("permission-category/category.json")).withStatus(201)));

    PermissionCategory category =
        portal
            .permissionCategory()
            .create(
                PermissionCategoryCreateRequest.builder()
                    .code("hr.leave")
                    .name("Leave")
                    .description("Leave requests")
                    .parentId(HR_ID)
                    .sortOrder(1)
                    .build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/permission-categories")),
            """
        {"code": "hr.leave", "name": "Leave", "description": "Leave requests",
         "parent_id": "pct_01HZX0HR000000000000001", "sort_order": 1}
        """));
    assertThat(category.id()).isEqualTo(HR_ID);
  }

  @Test
  void updatePutsOnlyTheFieldsSet() {
    stubFor(
        put("/permission-categories/" + HR_ID)
            .willReturn(okJson(Fixtures.read("permission-category/category.json"))));

    PermissionCategory category =
        portal
            .permissionCategory()
            .update(
                HR_ID,
                PermissionCategoryUpdateRequest.builder()
                    .name("Human resources")
                    .sortOrder(3)
                    .build());

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/permission-categories/" + HR_ID)),
            """
        {"name": "Human resources", "sort_order": 3}
        """));
    assertThat(category.name()).isEqualTo("Human resources");
  }

  @Test
  void deleteSendsDelete() {
    stubFor(
        delete("/permission-categories/" + HR_ID)
            .willReturn(okJson(Fixtures.read("permission-category/deleted.json"))));

    portal.permissionCategory().delete(HR_ID);

    verify(
        authorized(deleteRequestedFor(urlEqualTo("/permission-categories/" + HR_ID)))
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
