package com.winwinmbs.portal.api.tenant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.ConflictException;
import com.winwinmbs.portal.api.PermissionDeniedException;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.UnprocessableEntityException;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.TestClients;
import java.util.List;
import org.junit.jupiter.api.Test;

@WireMockTest
class TenantApiTests {

  static final String TENANT_ID = "660e8400-e29b-41d4-a716-446655440001";
  static final String CLIENT_SECRET = "client-secret-here";

  static RegisterTenantRequest acme() {
    return new RegisterTenantRequest(
        "Acme Corporation",
        "acme",
        "admin@acme.com",
        "SecurePassword123!",
        "John Doe",
        TenantPlan.PROFESSIONAL);
  }

  static UpdateSsoConfigRequest azureAd() {
    return UpdateSsoConfigRequest.builder(SsoProviderType.AZURE_AD)
        .authority("https://login.microsoftonline.com/tenant-id")
        .clientId("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
        .clientSecret(CLIENT_SECRET)
        .metadataUrl(
            "https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration")
        .autoProvisionUsers(true)
        .allowedDomains(List.of("acme.com"))
        .build();
  }

  @Test
  void registerPostsTheGuideBodyAndDecodesThe201Answer(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/tenants/register")
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("tenant/register.json"))));
    PortalApiClient portal = TestClients.client(wm);

    RegisterTenantResult result = portal.tenant().register(acme());

    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/tenants/register"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(
                    equalToJson(
                        """
            {
              "organizationName": "Acme Corporation",
              "slug": "acme",
              "adminEmail": "admin@acme.com",
              "adminPassword": "SecurePassword123!",
              "adminFullName": "John Doe",
              "plan": "Professional"
            }
            """)));
    assertThat(result.tenant().id()).isEqualTo(TENANT_ID);
    assertThat(result.tenant().slug()).isEqualTo("acme");
    assertThat(result.tenant().name()).isEqualTo("Acme Corporation");
    assertThat(result.tenant().plan()).isEqualTo(TenantPlan.PROFESSIONAL);
    assertThat(result.tenant().status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(result.tenant().ssoEnabled()).isNull();
    assertThat(result.user().id()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
    assertThat(result.user().email()).isEqualTo("admin@acme.com");
    assertThat(result.user().fullName()).isEqualTo("John Doe");
    assertThat(result.user().role()).isEqualTo(TenantRole.ADMIN);
    assertThat(result.accessToken()).isEqualTo("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...");
    assertThat(result.toString()).doesNotContain("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
    assertThat(acme().toString()).doesNotContain("SecurePassword123!");
  }

  @Test
  void registerOfATakenSlugThrowsConflictException(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/tenants/register")
                .willReturn(
                    aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
            {"error": "Conflict", "message": "Slug already taken", "statusCode": 409,
             "timestamp": "2025-11-03T10:00:00Z"}
            """)));

    assertThatThrownBy(() -> TestClients.client(wm).tenant().register(acme()))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.errorMessage()).isEqualTo("Slug already taken");
              assertThat(e.getMessage()).doesNotContain("SecurePassword123!");
            });
  }

  @Test
  void checkSlugSendsTheSlugAsQueryAndDecodesTheAnswer(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/tenants/check-slug"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("tenant/check-slug.json"))));

    SlugAvailability availability = TestClients.client(wm).tenant().checkSlug("acme");

    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/tenants/check-slug?slug=acme"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
    assertThat(availability.slug()).isEqualTo("acme");
    assertThat(availability.available()).isFalse();
    assertThatThrownBy(() -> TestClients.client(wm).tenant().checkSlug(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slug");
  }

  @Test
  void getSsoDecodesTheConfigurationAndNeverKeepsAClientSecret(WireMockRuntimeInfo wm) {
    // a portal that (wrongly) echoes the secret must not make it reach the caller
    String withSecret =
        Fixtures.read("tenant/sso-config.json")
            .replace(
                "\"enabled\": true,",
                "\"enabled\": true, \"clientSecret\": \""
                    + CLIENT_SECRET
                    + "\", \"tier\": \"gold\",");
    wm.getWireMock()
        .register(
            get("/tenants/" + TENANT_ID + "/sso")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(withSecret)));

    SsoConfig config = TestClients.client(wm).tenant().getSso(TENANT_ID);

    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/tenants/" + TENANT_ID + "/sso"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
    assertThat(config.enabled()).isTrue();
    assertThat(config.provider()).isEqualTo(SsoProviderType.AZURE_AD);
    assertThat(config.authority()).isEqualTo("https://login.microsoftonline.com/tenant-id");
    assertThat(config.clientId()).isEqualTo("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
    assertThat(config.metadataUrl())
        .isEqualTo(
            "https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration");
    assertThat(config.autoProvisionUsers()).isTrue();
    assertThat(config.allowedDomains()).containsExactly("acme.com", "acme.org");
    assertThat(config.additionalProperties())
        .containsEntry("tier", "gold")
        .doesNotContainKey("clientSecret");
    assertThat(config.toString()).doesNotContain(CLIENT_SECRET);
    assertThat(PortalJson.MAPPER.writeValueAsString(config)).doesNotContain(CLIENT_SECRET);
  }

  @Test
  void updateSsoPutsTheGuideBodyWithTheSecretWhichNeverReachesLogsOrToString(
      WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            put("/tenants/" + TENANT_ID + "/sso")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("tenant/update-sso.json"))));
    UpdateSsoConfigRequest request = azureAd();

    String logText;
    try (LogCapture logs = LogCapture.start()) {
      TestClients.client(wm).tenant().updateSso(TENANT_ID, request);
      logText = logs.text();
    }

    wm.getWireMock()
        .verifyThat(
            putRequestedFor(urlEqualTo("/tenants/" + TENANT_ID + "/sso"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(
                    equalToJson(
                        """
            {
              "provider": "AzureAD",
              "authority": "https://login.microsoftonline.com/tenant-id",
              "clientId": "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
              "clientSecret": "client-secret-here",
              "metadataUrl": "https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration",
              "autoProvisionUsers": true,
              "allowedDomains": ["acme.com"]
            }
            """)));
    assertThat(logText).contains("/tenants/{tenantId}/sso").doesNotContain(CLIENT_SECRET);
    assertThat(request.toString())
        .doesNotContain(CLIENT_SECRET)
        .contains("clientSecret=[REDACTED]");
  }

  @Test
  void updateSsoForASamlProviderSendsOnlyTheSamlFields(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            put("/tenants/t-1/sso")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("tenant/update-sso.json"))));

    TestClients.client(wm)
        .tenant()
        .updateSso(
            "t-1",
            UpdateSsoConfigRequest.builder(SsoProviderType.GENERIC_SAML)
                .entityId("https://idp.acme.com/saml")
                .signOnUrl("https://idp.acme.com/saml/sso")
                .certificate("MIIC...")
                .build());

    wm.getWireMock()
        .verifyThat(
            putRequestedFor(urlEqualTo("/tenants/t-1/sso"))
                .withRequestBody(
                    equalToJson(
                        """
        {"provider": "GenericSaml", "entityId": "https://idp.acme.com/saml",
         "signOnUrl": "https://idp.acme.com/saml/sso", "certificate": "MIIC..."}
        """)));
  }

  @Test
  void updateSsoMapsTheGuideErrorsForbiddenAndFreePlan(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            put("/tenants/t-member/sso")
                .willReturn(
                    aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\": \"Forbidden\", \"message\": \"Only Admin users can update SSO config\", \"statusCode\": 403}")));
    wm.getWireMock()
        .register(
            put("/tenants/t-free/sso")
                .willReturn(
                    aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\": \"Unprocessable Entity\", \"message\": \"SSO not available for Free plan\", \"statusCode\": 422}")));
    TenantApi tenants = TestClients.client(wm).tenant();

    assertThatThrownBy(() -> tenants.updateSso("t-member", azureAd()))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("Only Admin users can update SSO config")
        .hasMessageNotContaining(CLIENT_SECRET);
    assertThatThrownBy(() -> tenants.updateSso("t-free", azureAd()))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("SSO not available for Free plan");
  }

  @Test
  void testSsoReturnsASuccessfulResult(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/tenants/" + TENANT_ID + "/sso/test")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("tenant/test-sso-success.json"))));

    SsoTestResult result = TestClients.client(wm).tenant().testSso(TENANT_ID);

    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/tenants/" + TENANT_ID + "/sso/test"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withHeader("Content-Type", absent()));
    assertThat(result.success()).isTrue();
    assertThat(result.message()).isEqualTo("SSO connection successful");
  }

  @Test
  void testSsoReturnsAFailedTestAsAResultNotAnException(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/tenants/" + TENANT_ID + "/sso/test")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("tenant/test-sso-failed.json"))));

    SsoTestResult result = TestClients.client(wm).tenant().testSso(TENANT_ID);

    assertThat(result.success()).isFalse();
    assertThat(result.message()).isEqualTo("Failed to connect to IdP: Connection timeout");
  }

  @Test
  void unknownPlansStatusesAndProvidersKeepTheirValueBothWays() {
    assertThat(TenantPlan.of("Professional")).isSameAs(TenantPlan.PROFESSIONAL);
    assertThat(TenantPlan.of("Ultimate").isKnown()).isFalse();
    assertThat(PortalJson.MAPPER.readValue("\"Archived\"", TenantStatus.class).value())
        .isEqualTo("Archived");
    assertThat(PortalJson.MAPPER.writeValueAsString(SsoProviderType.of("Auth0")))
        .isEqualTo("\"Auth0\"");
    assertThat(PortalJson.MAPPER.readValue("\"GenericSaml\"", SsoProviderType.class))
        .isSameAs(SsoProviderType.GENERIC_SAML);
  }
}
