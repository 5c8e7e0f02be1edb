package com.winwinmbs.portal.api.organization;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@WireMockTest
class OrganizationApiTests {

  private static final String AP_ID = "org_01HZX2FIN000000000000000AP";
  private static final String FINANCE_ID = "org_01HZX2FIN0000000000000000";

  private PortalApiClient portal;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    portal = TestClients.client(wm);
  }

  @Test
  void treeGetsTheRootsWithTheirNestedChildren() {
    stubFor(get("/organizations/tree").willReturn(okJson(Fixtures.read("organization/tree.json"))));

    List<Organization> roots = portal.organization().tree();

    verify(
        authorized(getRequestedFor(urlEqualTo("/organizations/tree")))
            .withHeader("Content-Type", absent()));
    assertThat(roots)
        .singleElement()
        .satisfies(
            group -> {
              assertThat(group.type()).isEqualTo(OrganizationType.GROUP);
              assertThat(group.parentId()).isNull();
              assertThat(group.level()).isZero();
            });
    Organization company = roots.get(0).children().get(0);
    assertThat(company.type()).isEqualTo(OrganizationType.COMPANY);
    Organization finance = company.children().get(0);
    assertThat(finance.type()).isEqualTo(OrganizationType.DEPARTMENT);
    assertThat(finance.memberCount()).isEqualTo(12);
    Organization team = finance.children().get(0);
    assertThat(team.id()).isEqualTo(AP_ID);
    assertThat(team.type()).isEqualTo(OrganizationType.TEAM);
    assertThat(team.level()).isEqualTo(3);
    assertThat(team.children()).isEmpty();
  }

  @Test
  void treeThroughAViewSendsTheViewsOptions() {
    stubFor(get("/organizations/tree").willReturn(okJson(Fixtures.read("organization/tree.json"))));

    portal.organization().withOptions(RequestOptions.builder().tenantId("tnt_acme").build()).tree();

    verify(
        getRequestedFor(urlEqualTo("/organizations/tree"))
            .withHeader("X-Tenant-Id", equalTo("tnt_acme")));
  }

  @Test
  void findByIdGetsTheUnitAndDecodesEveryField() {
    stubFor(
        get("/organizations/" + AP_ID)
            .willReturn(okJson(Fixtures.read("organization/organization.json"))));

    Organization unit = portal.organization().findById(AP_ID);

    verify(
        authorized(getRequestedFor(urlEqualTo("/organizations/" + AP_ID)))
            .withHeader("Content-Type", absent()));
    assertThat(unit.id()).isEqualTo(AP_ID);
    assertThat(unit.code()).isEqualTo("FIN-AP");
    assertThat(unit.name()).isEqualTo("Accounts Payable");
    assertThat(unit.nameEn()).isEqualTo("Accounts Payable");
    assertThat(unit.description()).isEqualTo("Supplier invoices and payments");
    assertThat(unit.type()).isEqualTo(OrganizationType.TEAM);
    assertThat(unit.parentId()).isEqualTo(FINANCE_ID);
    assertThat(unit.path()).endsWith("/" + FINANCE_ID + "/" + AP_ID);
    assertThat(unit.level()).isEqualTo(3);
    assertThat(unit.sortOrder()).isEqualTo(2);
    assertThat(unit.active()).isTrue();
    assertThat(unit.managerUserId()).isEqualTo("usr_01HZX3M1A2B3C4D5E6F7G8H9J0");
    assertThat(unit.memberCount()).isEqualTo(7);
    assertThat(unit.children()).isEmpty();
    assertThat(unit.createdAt()).isEqualTo(Instant.parse("2024-02-20T03:00:00Z"));
    assertThat(unit.updatedAt()).isEqualTo(Instant.parse("2026-06-30T10:00:00Z"));
    assertThat(unit.additionalProperties()).isEmpty();
  }

  @Test
  void findByIdWhenNotFoundThrowsNotFoundException() {
    stubFor(
        get("/organizations/org_missing")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("organization/not-found.json"))));

    assertThatExceptionOfType(NotFoundException.class)
        .isThrownBy(() -> portal.organization().findById("org_missing"))
        .satisfies(e -> assertThat(e.code()).isEqualTo("ORGANIZATION_NOT_FOUND"));
  }

  @Test
  void unknownFieldsAndAnUnknownTypeSurviveDecodingAndEncoding() {
    stubFor(
        get("/organizations/org_01HZX2LAB000000000000000001")
            .willReturn(okJson(Fixtures.read("organization/organization-unknown.json"))));

    Organization lab = portal.organization().findById("org_01HZX2LAB000000000000000001");

    assertThat(lab.type()).isEqualTo(OrganizationType.of("squad"));
    assertThat(lab.type().isKnown()).isFalse();
    assertThat(lab.additionalProperties())
        .containsEntry("cost_center", "CC-9100")
        .containsKey("geo");
    JsonNode encoded = PortalJson.MAPPER.valueToTree(lab);
    assertThat(encoded.get("type").asString()).isEqualTo("squad");
    assertThat(encoded.get("is_active").asBoolean()).isTrue();
    assertThat(encoded.get("cost_center").asString()).isEqualTo("CC-9100");
    assertThat(encoded.get("geo").get("province").asString()).isEqualTo("Bangkok");
    assertThat(PortalJson.MAPPER.treeToValue(encoded, Organization.class)).isEqualTo(lab);
  }

  @Test
  void createPostsTheNewUnit() {
    stubFor(
        post("/organizations")
            .willReturn(okJson(Fixtures.read("organization/organization.json")).withStatus(201)));

    Organization created =
        portal
            .organization()
            .create(
                OrganizationCreateRequest.builder()
                    .code("FIN-AP")
                    .name("Accounts Payable")
                    .type(OrganizationType.TEAM)
                    .parentId(FINANCE_ID)
                    .nameEn("Accounts Payable")
                    .description("Supplier invoices and payments")
                    .managerUserId("usr_01HZX3M1A2B3C4D5E6F7G8H9J0")
                    .sortOrder(2)
                    .active(true)
                    .build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/organizations")),
            """
        {"code": "FIN-AP", "name": "Accounts Payable", "type": "team",
         "parent_id": "org_01HZX2FIN0000000000000000", "name_en": "Accounts Payable",
         "description": "Supplier invoices and payments", "manager_user_id": "usr_01HZX3M1A2B3C4D5E6F7G8H9J0",
         "sort_order": 2, "is_active": true}
        """));
    assertThat(created.id()).isEqualTo(AP_ID);
  }

  @Test
  void createRequestWithoutATypeFailsWithAMessageNamingIt() {
    assertThatExceptionOfType(NullPointerException.class)
        .isThrownBy(() -> OrganizationCreateRequest.builder().code("X").name("X").build())
        .withMessage("type == null");
  }

  @Test
  void updatePutsOnlyTheFieldsSet() {
    stubFor(
        put("/organizations/" + AP_ID)
            .willReturn(okJson(Fixtures.read("organization/organization.json"))));

    Organization updated =
        portal
            .organization()
            .update(
                AP_ID,
                OrganizationUpdateRequest.builder()
                    .name("Accounts Payable")
                    .managerUserId("usr_01HZX3M1A2B3C4D5E6F7G8H9J0")
                    .active(false)
                    .build());

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/organizations/" + AP_ID)),
            """
        {"name": "Accounts Payable", "manager_user_id": "usr_01HZX3M1A2B3C4D5E6F7G8H9J0", "is_active": false}
        """));
    assertThat(updated.name()).isEqualTo("Accounts Payable");
  }

  @Test
  void moveSendsTheNewParent() {
    stubFor(
        put("/organizations/" + AP_ID + "/move")
            .willReturn(okJson(Fixtures.read("organization/organization.json"))));

    Organization moved =
        portal.organization().move(AP_ID, OrganizationMoveRequest.toParent(FINANCE_ID));

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/organizations/" + AP_ID + "/move")),
            "{\"parent_id\": \"org_01HZX2FIN0000000000000000\"}"));
    assertThat(moved.parentId()).isEqualTo(FINANCE_ID);
  }

  @Test
  void moveToParentNullSendsAnExplicitNullParentAndNoPosition() {
    stubFor(
        put("/organizations/" + AP_ID + "/move")
            .willReturn(okJson(Fixtures.read("organization/organization.json"))));

    portal.organization().move(AP_ID, OrganizationMoveRequest.toParent(null));

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/organizations/" + AP_ID + "/move")),
            "{\"parent_id\": null}"));
  }

  @Test
  void moveToTheRootSendsAnExplicitNullParent() {
    stubFor(
        put("/organizations/" + AP_ID + "/move")
            .willReturn(okJson(Fixtures.read("organization/organization.json"))));

    portal.organization().move(AP_ID, new OrganizationMoveRequest(null, 1));

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/organizations/" + AP_ID + "/move")),
            "{\"parent_id\": null, \"sort_order\": 1}"));
  }

  @Test
  void deleteSendsDelete() {
    stubFor(
        delete("/organizations/" + AP_ID)
            .willReturn(okJson(Fixtures.read("organization/deleted.json"))));

    portal.organization().delete(AP_ID);

    verify(
        authorized(deleteRequestedFor(urlEqualTo("/organizations/" + AP_ID)))
            .withHeader("Content-Type", absent()));
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
