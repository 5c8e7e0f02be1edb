package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.testing.TestClients;
import org.junit.jupiter.api.Test;

/**
 * The integration guide's routes under a prefix of their own ({@code /api}), beside the portal's
 * routes at the base URL, as a deployment that splits them serves them.
 */
@WireMockTest
class GuideBasePathTests {

  @Test
  void guideRoutesGoUnderThePrefixAndPortalRoutesStayAtTheBase(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/api/mcp/tokens"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"tokens\":[]}")));
    wm.getWireMock()
        .register(
            get("/users/usr_1")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"id\":\"usr_1\"}}")));
    PortalApiClient portal = TestClients.builder(wm).guideBasePath("/api/").build();

    assertThat(portal.mcpToken().list()).isEmpty();
    assertThat(portal.user().findById("usr_1").id()).isEqualTo("usr_1");

    wm.getWireMock().verifyThat(getRequestedFor(urlEqualTo("/api/mcp/tokens")));
    wm.getWireMock().verifyThat(getRequestedFor(urlEqualTo("/users/usr_1")));
    assertThat(portal.toString()).contains("guideBasePath=/api");
  }

  @Test
  void withoutAPrefixGuideRoutesSitAtTheBaseUrl(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/mcp/tokens"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"tokens\":[]}")));

    assertThat(TestClients.client(wm).mcpToken().list()).isEmpty();
    wm.getWireMock().verifyThat(getRequestedFor(urlEqualTo("/mcp/tokens")));
  }

  @Test
  void aPrefixMustBeAPlainPath() {
    PortalApiClient.Builder builder = PortalApiClient.builder();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.guideBasePath("api"))
        .withMessage("guideBasePath must start with '/', for example /api: api");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.guideBasePath("/a b"))
        .withMessageContaining("found ' ' at index 2");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.guideBasePath("/api?x=1"))
        .withMessageContaining("found '?'");
    assertThatIllegalArgumentException().isThrownBy(() -> builder.guideBasePath("/api/../x"));
    assertThat(builder.guideBasePath("/").apiUrl("https://p.example").build().toString())
        .doesNotContain("guideBasePath");
  }
}
