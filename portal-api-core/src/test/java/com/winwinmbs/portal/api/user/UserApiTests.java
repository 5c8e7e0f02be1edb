package com.winwinmbs.portal.api.user;

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
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.SortOrder;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@WireMockTest
class UserApiTests {

  private static final String USER_ID = "usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8";

  private PortalApiClient portal;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    portal = TestClients.client(wm);
  }

  @Test
  void searchPostsPageLimitFilterAndSortAsJsonAndReturnsThePage() {
    stubFor(post("/users/search").willReturn(okJson(Fixtures.read("user/search.json"))));

    Page<User> page =
        portal
            .user()
            .search(
                SearchRequest.builder()
                    .page(1)
                    .limit(20)
                    .filter("status", List.of("active"))
                    .sort("created_at", SortOrder.DESC)
                    .build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/users/search")),
            """
        {"page": 1, "limit": 20, "filter": {"status": ["active"]},
         "sort": [{"field": "created_at", "order": "DESC"}]}
        """));
    assertThat(page.items()).extracting(User::username).containsExactly("somchai.k", "malee.s");
    assertThat(page.items().get(0).status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(page.items().get(0).roles()).extracting(RoleRef::code).containsExactly("EMPLOYEE");
    assertThat(page.items().get(1).lastLoginAt()).isNull();
    assertThat(page.pagination().total()).isEqualTo(42);
    assertThat(page.pagination().totalPages()).isEqualTo(3);
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void searchThroughAViewSendsTheViewsOptions() {
    stubFor(post("/users/search").willReturn(okJson(Fixtures.read("user/search.json"))));

    portal
        .user()
        .withOptions(RequestOptions.builder().tenantId("tnt_acme").build())
        .search(SearchRequest.all());

    verify(
        withJson(postRequestedFor(urlEqualTo("/users/search")), "{}")
            .withHeader("X-Tenant-Id", equalTo("tnt_acme")));
  }

  @Test
  void searchAllFetchesOnlyTheFirstPageWhenOnlyTheFirstItemIsConsumed() {
    stubFivePages();

    try (Stream<User> users = portal.user().searchAll(SearchRequest.builder().limit(2).build())) {
      assertThat(users.findFirst()).map(User::id).contains("usr_p1_1");
    }

    verify(exactly(1), postRequestedFor(urlEqualTo("/users/search")));
    verify(withJson(postRequestedFor(urlEqualTo("/users/search")), "{\"page\": 1, \"limit\": 2}"));
  }

  @Test
  void searchAllFetchesEveryPageInOrderAndStopsAtTotalPages() {
    stubFivePages();

    List<String> ids =
        portal
            .user()
            .searchAll(SearchRequest.builder().limit(2).filter("status", "active").build())
            .map(User::id)
            .toList();

    assertThat(ids).hasSize(10).startsWith("usr_p1_1", "usr_p1_2", "usr_p2_1").endsWith("usr_p5_2");
    verify(exactly(5), postRequestedFor(urlEqualTo("/users/search")));
    for (int n = 1; n <= 5; n++) {
      verify(
          withJson(
              postRequestedFor(urlEqualTo("/users/search")),
              "{\"page\": " + n + ", \"limit\": 2, \"filter\": {\"status\": \"active\"}}"));
    }
  }

  @Test
  void searchAllStartsAtTheRequestedPage() {
    stubFivePages();

    List<String> ids =
        portal
            .user()
            .searchAll(SearchRequest.builder().page(4).limit(2).build())
            .map(User::id)
            .toList();

    assertThat(ids).containsExactly("usr_p4_1", "usr_p4_2", "usr_p5_1", "usr_p5_2");
    verify(exactly(2), postRequestedFor(urlEqualTo("/users/search")));
  }

  @Test
  void findByIdGetsTheUserAndDecodesEveryField() {
    stubFor(get("/users/" + USER_ID).willReturn(okJson(Fixtures.read("user/user.json"))));

    User user = portal.user().findById(USER_ID);

    verify(
        authorized(getRequestedFor(urlEqualTo("/users/" + USER_ID)))
            .withHeader("Content-Type", absent()));
    assertThat(user.id()).isEqualTo(USER_ID);
    assertThat(user.username()).isEqualTo("somchai.k");
    assertThat(user.email()).isEqualTo("somchai.k@winwinmbs.co.th");
    assertThat(user.firstName()).isEqualTo("Somchai");
    assertThat(user.lastName()).isEqualTo("Kittisak");
    assertThat(user.displayName()).isEqualTo("Somchai K.");
    assertThat(user.phone()).isEqualTo("+66812345678");
    assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(user.status().isKnown()).isTrue();
    assertThat(user.organizationId()).isEqualTo("org_01HZX2FIN000000000000000AP");
    assertThat(user.avatarFileId()).isEqualTo("fil_01HZX9AVATAR00000000000001");
    assertThat(user.locale()).isEqualTo("th-TH");
    assertThat(user.emailVerified()).isTrue();
    assertThat(user.roles()).extracting(RoleRef::code).containsExactly("HR_MANAGER", "EMPLOYEE");
    assertThat(user.positions())
        .singleElement()
        .satisfies(
            position -> {
              assertThat(position.organizationName()).isEqualTo("Accounts Payable");
              assertThat(position.title()).isEqualTo("Senior Accountant");
              assertThat(position.primary()).isTrue();
              assertThat(position.manager()).isFalse();
              assertThat(position.startDate()).isEqualTo(LocalDate.of(2024, 3, 1));
              assertThat(position.endDate()).isNull();
            });
    assertThat(user.lastLoginAt()).isEqualTo(Instant.parse("2026-11-21T23:48:12Z"));
    assertThat(user.createdAt()).isEqualTo(Instant.parse("2024-02-26T02:00:00Z"));
    assertThat(user.updatedAt()).isEqualTo(Instant.parse("2026-11-20T09:15:30Z"));
    assertThat(user.additionalProperties()).isEmpty();
  }

  @Test
  void findByIdEncodesTheIdAsOnePathSegment() {
    stubFor(get("/users/a%2Fb").willReturn(okJson(Fixtures.read("user/user.json"))));

    portal.user().findById("a/b");

    verify(getRequestedFor(urlEqualTo("/users/a%2Fb")));
  }

  @Test
  void findByIdWhenNotFoundThrowsNotFoundException() {
    stubFor(
        get("/users/usr_missing")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("user/not-found.json"))));

    assertThatExceptionOfType(NotFoundException.class)
        .isThrownBy(() -> portal.user().findById("usr_missing"))
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.code()).isEqualTo("USER_NOT_FOUND");
              assertThat(e.requestId()).isEqualTo("req_7f3a9c2e");
            });
    verify(exactly(1), getRequestedFor(urlEqualTo("/users/usr_missing")));
  }

  @Test
  void unknownFieldsAndAnUnknownStatusSurviveDecodingAndEncoding() {
    stubFor(
        get("/users/" + USER_ID)
            .willReturn(okJson(Fixtures.read("user/user-unknown-fields.json"))));

    User user = portal.user().findById(USER_ID);

    assertThat(user.status()).isEqualTo(UserStatus.of("on_leave"));
    assertThat(user.status().isKnown()).isFalse();
    assertThat(user.additionalProperties())
        .containsEntry("employee_code", "EMP-00417")
        .containsEntry("custom_fields", Map.of("cost_center", "CC-2100", "badge", 3312));
    JsonNode encoded = PortalJson.MAPPER.valueToTree(user);
    assertThat(encoded.get("status").asString()).isEqualTo("on_leave");
    assertThat(encoded.get("employee_code").asString()).isEqualTo("EMP-00417");
    assertThat(encoded.get("custom_fields").get("badge").asInt()).isEqualTo(3312);
    assertThat(encoded.has("additional_properties")).isFalse();
    User decodedAgain = PortalJson.MAPPER.treeToValue(encoded, User.class);
    assertThat(decodedAgain).isEqualTo(user);
  }

  @Test
  void createPostsTheNewUserAndReturnsItAsStored() {
    stubFor(post("/users").willReturn(okJson(Fixtures.read("user/user.json")).withStatus(201)));

    User created =
        portal
            .user()
            .create(
                UserCreateRequest.builder()
                    .username("somchai.k")
                    .email("somchai.k@winwinmbs.co.th")
                    .password("S3cret!pass")
                    .firstName("Somchai")
                    .lastName("Kittisak")
                    .displayName("Somchai K.")
                    .phone("+66812345678")
                    .organizationId("org_01HZX2FIN000000000000000AP")
                    .status(UserStatus.PENDING)
                    .locale("th-TH")
                    .roleIds(List.of("rol_01HZX1EMPLOYEE0000000000001"))
                    .additionalProperty("employee_code", "EMP-00417")
                    .build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/users")),
            """
        {"username": "somchai.k", "email": "somchai.k@winwinmbs.co.th", "password": "S3cret!pass",
         "first_name": "Somchai", "last_name": "Kittisak", "display_name": "Somchai K.",
         "phone": "+66812345678", "organization_id": "org_01HZX2FIN000000000000000AP",
         "status": "pending", "locale": "th-TH", "role_ids": ["rol_01HZX1EMPLOYEE0000000000001"],
         "employee_code": "EMP-00417"}
        """));
    assertThat(created.id()).isEqualTo(USER_ID);
  }

  @Test
  void createRequestToStringHidesThePassword() {
    UserCreateRequest request =
        UserCreateRequest.builder()
            .username("somchai.k")
            .email("somchai.k@winwinmbs.co.th")
            .password("S3cret!pass")
            .build();

    assertThat(request.toString()).contains("somchai.k").doesNotContain("S3cret!pass");
  }

  @Test
  void createRequestWithoutUsernameFailsWithAMessageNamingIt() {
    assertThatExceptionOfType(NullPointerException.class)
        .isThrownBy(() -> UserCreateRequest.builder().email("a@b.c").build())
        .withMessage("username == null");
  }

  @Test
  void updatePutsOnlyTheFieldsSet() {
    stubFor(put("/users/" + USER_ID).willReturn(okJson(Fixtures.read("user/user.json"))));

    User updated =
        portal
            .user()
            .update(
                USER_ID,
                UserUpdateRequest.builder()
                    .phone("+66812345678")
                    .status(UserStatus.SUSPENDED)
                    .avatarFileId("fil_01HZX9AVATAR00000000000001")
                    .build());

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/users/" + USER_ID)),
            """
        {"phone": "+66812345678", "status": "suspended", "avatar_file_id": "fil_01HZX9AVATAR00000000000001"}
        """));
    assertThat(updated.avatarFileId()).isEqualTo("fil_01HZX9AVATAR00000000000001");
  }

  @Test
  void deleteSendsDeleteAndAcceptsTheEnvelope() {
    stubFor(delete("/users/" + USER_ID).willReturn(okJson(Fixtures.read("user/deleted.json"))));

    portal.user().delete(USER_ID);

    verify(
        authorized(deleteRequestedFor(urlEqualTo("/users/" + USER_ID)))
            .withHeader("Content-Type", absent()));
  }

  @Test
  void deleteAcceptsNoContentWithoutABody() {
    stubFor(delete("/users/" + USER_ID).willReturn(aResponse().withStatus(204)));

    portal.user().delete(USER_ID);

    verify(exactly(1), deleteRequestedFor(urlEqualTo("/users/" + USER_ID)));
  }

  @Test
  void setRolesPutsTheRoleIds() {
    stubFor(
        put("/users/" + USER_ID + "/roles").willReturn(okJson(Fixtures.read("user/user.json"))));

    User user =
        portal
            .user()
            .setRoles(
                USER_ID,
                List.of("rol_01HZX1HRMANAGER000000000001", "rol_01HZX1EMPLOYEE0000000000001"));

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/users/" + USER_ID + "/roles")),
            """
        {"role_ids": ["rol_01HZX1HRMANAGER000000000001", "rol_01HZX1EMPLOYEE0000000000001"]}
        """));
    assertThat(user.roles())
        .extracting(RoleRef::id)
        .containsExactly("rol_01HZX1HRMANAGER000000000001", "rol_01HZX1EMPLOYEE0000000000001");
  }

  @Test
  void setRolesWithAnEmptyListSendsAnEmptyList() {
    stubFor(
        put("/users/" + USER_ID + "/roles").willReturn(okJson(Fixtures.read("user/user.json"))));

    portal.user().setRoles(USER_ID, List.of());

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/users/" + USER_ID + "/roles")), "{\"role_ids\": []}"));
  }

  @Test
  void setPositionsPutsThePositions() {
    stubFor(
        put("/users/" + USER_ID + "/positions")
            .willReturn(okJson(Fixtures.read("user/user.json"))));

    User user =
        portal
            .user()
            .setPositions(
                USER_ID,
                List.of(
                    UserPositionAssignment.builder()
                        .organizationId("org_01HZX2FIN000000000000000AP")
                        .title("Senior Accountant")
                        .primary(true)
                        .startDate(LocalDate.of(2024, 3, 1))
                        .build(),
                    UserPositionAssignment.builder()
                        .organizationId("org_01HZX2AUDIT00000000000001")
                        .title("Internal Audit Committee")
                        .build()));

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/users/" + USER_ID + "/positions")),
            """
        {"positions": [
          {"organization_id": "org_01HZX2FIN000000000000000AP", "title": "Senior Accountant",
           "is_primary": true, "is_manager": false, "start_date": "2024-03-01"},
          {"organization_id": "org_01HZX2AUDIT00000000000001", "title": "Internal Audit Committee",
           "is_primary": false, "is_manager": false}
        ]}
        """));
    assertThat(user.positions())
        .extracting(UserPosition::title)
        .containsExactly("Senior Accountant");
  }

  private static void stubFivePages() {
    for (int n = 1; n <= 5; n++) {
      int page = n;
      String items =
          IntStream.rangeClosed(1, 2)
              .mapToObj(
                  i ->
                      "{\"id\": \"usr_p"
                          + page
                          + "_"
                          + i
                          + "\", \"username\": \"user"
                          + page
                          + i
                          + "\", \"status\": \"active\"}")
              .collect(Collectors.joining(", "));
      stubFor(
          post("/users/search")
              .withRequestBody(matchingJsonPath("$.page", equalTo(String.valueOf(page))))
              .willReturn(
                  okJson(
                      "{\"success\": true, \"data\": ["
                          + items
                          + "], "
                          + "\"pagination\": {\"page\": "
                          + page
                          + ", \"limit\": 2, \"total\": 10, \"total_pages\": 5}}")));
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
