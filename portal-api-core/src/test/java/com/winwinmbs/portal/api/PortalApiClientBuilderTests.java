package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@WireMockTest
class PortalApiClientBuilderTests {

  private static final String API_KEY = "app_key_9Qx7-secret";
  private static final String TOKEN = "eyJ.bearer.token-77";

  @BeforeEach
  void stubHealth(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/api/v1/health")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
  }

  @Test
  void buildWithoutApiUrlSaysWhatToSet() {
    assertThatThrownBy(() -> PortalApiClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiUrl is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"api.winwinmbs.com", "/api/v1", "//api.winwinmbs.com"})
  void relativeApiUrlIsRefused(String url) {
    assertThatThrownBy(() -> PortalApiClient.builder().apiUrl(url).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiUrl")
        .hasMessageContaining("absolute");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ftp://api.winwinmbs.com", "file:///etc/passwd", "ws://api.winwinmbs.com"})
  void nonHttpSchemeIsRefused(String url) {
    assertThatThrownBy(() -> PortalApiClient.builder().apiUrl(url).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http or https");
  }

  @Test
  void emptyApiUrlIsRefused() {
    assertThatThrownBy(() -> PortalApiClient.builder().apiUrl("  ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiUrl is empty");
  }

  @Test
  void userInfoInApiUrlIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                PortalApiClient.builder().apiUrl("https://admin:hunter2@api.winwinmbs.com").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user info")
        .hasMessageNotContaining("hunter2")
        .hasNoCause();
  }

  @Test
  void invalidApiUrlWithUserInfoNeverEchoesThePassword() {
    assertThatThrownBy(
            () ->
                PortalApiClient.builder().apiUrl("https://admin:hunter2@api winwinmbs.com").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid URL")
        .hasMessageNotContaining("hunter2")
        .hasNoCause();
  }

  @Test
  void apiUrlIsCheckedWhenSetSoTheMistakeFailsWhereItIsMade() {
    PortalApiClient.Builder builder = PortalApiClient.builder();

    assertThatThrownBy(() -> builder.apiUrl("https://admin:hunter2@api.winwinmbs.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> builder.apiUrl("api.winwinmbs.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not absolute");
    assertThat(builder.toString()).doesNotContain("hunter2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.winwinmbs.com?tenant=1",
        "https://api.winwinmbs.com#top",
        "https://api.winwinmbs.com/v1?x"
      })
  void queryOrFragmentInApiUrlIsRefused(String url) {
    assertThatThrownBy(() -> PortalApiClient.builder().apiUrl(url).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not have a query or fragment");
  }

  @Test
  void nullApiUrlIsRefusedAtOnce() {
    assertThatThrownBy(() -> PortalApiClient.builder().apiUrl(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("apiUrl == null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "//", "///"})
  void trailingSlashesAreNormalisedAndRoutesStayUnderTheBasePath(
      String suffix, WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        TestClients.builder(wm).apiUrl(wm.getHttpBaseUrl() + "/api/v1" + suffix).build();

    assertThat(portal.baseUrl()).isEqualTo(wm.getHttpBaseUrl() + "/api/v1");
    assertThat(portal.health().check().status()).isEqualTo("ok");
    wm.getWireMock().verifyThat(1, getRequestedFor(urlEqualTo("/api/v1/health")));
  }

  @Test
  void schemeIsLowerCased() {
    assertThat(PortalApiClient.builder().apiUrl("HTTPS://api.winwinmbs.com/").build().baseUrl())
        .isEqualTo("https://api.winwinmbs.com");
  }

  @Test
  void timeoutsDefaultTo30SecondsAnd10SecondsToConnect() {
    PortalApiClient portal = PortalApiClient.builder().apiUrl("https://api.winwinmbs.com").build();

    assertThat(portal.toString()).contains("timeout=PT30S").contains("connectTimeout=PT10S");
  }

  @Test
  void timeoutsCanBeChangedButMustBePositive() {
    PortalApiClient portal =
        PortalApiClient.builder()
            .apiUrl("https://api.winwinmbs.com")
            .timeout(Duration.ofMillis(1500))
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    assertThat(portal.toString()).contains("timeout=PT1.5S").contains("connectTimeout=PT2S");
    assertThatThrownBy(() -> PortalApiClient.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> PortalApiClient.builder().connectTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectTimeout must be positive");
  }

  @Test
  void timeoutBoundsEachAttempt(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/slow/health")
                .willReturn(
                    aResponse()
                        .withFixedDelay(600)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{}}")));
    PortalApiClient portal =
        TestClients.builder(wm)
            .apiUrl(wm.getHttpBaseUrl() + "/slow")
            .timeout(Duration.ofMillis(150))
            .maxAttempts(1)
            .build();

    assertThatThrownBy(() -> portal.health().check())
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT))
        .hasMessageContaining("no response within 150 ms");
  }

  @Test
  void toBuilderDerivesAnEqualButIndependentClient(WireMockRuntimeInfo wm) {
    PortalApiClient.Builder builder =
        TestClients.builder(wm)
            .apiUrl(wm.getHttpBaseUrl() + "/api/v1")
            .apiKey(API_KEY)
            .tenantId("tenant-a")
            .userAgent("billing/1.0");
    PortalApiClient original = builder.build();
    builder.tenantId("changed-after-build");

    PortalApiClient same = original.toBuilder().build();
    PortalApiClient variant = original.toBuilder().tenantId("tenant-b").build();

    assertThat(same).isNotSameAs(original);
    assertThat(same.toString()).isEqualTo(original.toString());
    assertThat(same.baseUrl()).isEqualTo(original.baseUrl());
    original.health().check();
    same.health().check();
    variant.health().check();
    original.health().check();
    wm.getWireMock()
        .verifyThat(
            3,
            getRequestedFor(urlEqualTo("/api/v1/health"))
                .withHeader("X-Tenant-Id", equalTo("tenant-a"))
                .withHeader("X-API-Key", equalTo(API_KEY))
                .withHeader("User-Agent", matching("portal-api-java/\\S+ Java/\\S+ billing/1.0")));
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlEqualTo("/api/v1/health"))
                .withHeader("X-Tenant-Id", equalTo("tenant-b")));
  }

  @Test
  void toStringOfClientBuilderAndSettingsNeverShowsCredentials() {
    PortalApiClient.Builder builder =
        PortalApiClient.builder()
            .apiUrl("https://api.winwinmbs.com")
            .apiKey(API_KEY)
            .tokenSource(TokenSource.of(TOKEN))
            .tenantId("tenant-a");
    PortalApiClient portal = builder.build();

    assertThat(builder.toString()).doesNotContain(API_KEY, TOKEN).contains("[REDACTED]");
    assertThat(portal.toString())
        .doesNotContain(API_KEY, TOKEN)
        .contains("[REDACTED]")
        .contains("tenant-a");
    assertThat(portal.toBuilder().toString()).doesNotContain(API_KEY, TOKEN);
    assertThat(TokenSource.of(TOKEN).toString()).doesNotContain(TOKEN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api.winwinmbs.com",
        "http://10.0.0.7:8080",
        "http://portal.internal",
        "http://127.example.com",
        "http://localhost.example.com"
      })
  void plainHttpToARemoteHostWithATokenIsRefused(String url) {
    assertThatThrownBy(
            () -> PortalApiClient.builder().apiUrl(url).tokenSource(TokenSource.of(TOKEN)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageContaining("allowInsecureHttp(true)");
    assertThatThrownBy(() -> PortalApiClient.builder().apiUrl(url).apiKey(API_KEY).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageNotContaining(API_KEY);
  }

  @Test
  void plainHttpIsAllowedWhenAskedForToLoopbackOrWithoutCredentials() {
    assertThatNoException()
        .isThrownBy(
            () ->
                PortalApiClient.builder()
                    .apiUrl("http://api.winwinmbs.com")
                    .tokenSource(TokenSource.of(TOKEN))
                    .allowInsecureHttp(true)
                    .build());
    assertThatNoException()
        .isThrownBy(() -> PortalApiClient.builder().apiUrl("http://api.winwinmbs.com").build());
    for (String loopback :
        new String[] {
          "http://localhost:8080",
          "http://127.0.0.1:9",
          "http://[::1]:80",
          "http://portal.localhost"
        }) {
      assertThatNoException()
          .isThrownBy(
              () ->
                  PortalApiClient.builder()
                      .apiUrl(loopback)
                      .apiKey(API_KEY)
                      .tokenSource(TokenSource.of(TOKEN))
                      .build());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"value\r\nX-Injected: 1", "value\nX-Injected: 1", "value\r", "nul\u0000"})
  void headerBreakingCharactersInClientSettingsAreRefusedAtOnce(String bad) {
    assertThatThrownBy(() -> PortalApiClient.builder().apiKey(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey holds a CR, LF or NUL")
        .hasMessageNotContaining("X-Injected");
    assertThatThrownBy(() -> PortalApiClient.builder().tenantId(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenantId holds a CR, LF or NUL");
    assertThatThrownBy(() -> PortalApiClient.builder().userAgent(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userAgent holds a CR, LF or NUL");
    assertThatThrownBy(() -> TokenSource.of(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("X-Injected");
  }

  @Test
  void headerBreakingValueInRequestOptionsIsRefusedBeforeAnythingIsSent(WireMockRuntimeInfo wm) {
    PortalApiClient portal = TestClients.client(wm);

    assertThatThrownBy(
            () ->
                portal
                    .health()
                    .withOptions(
                        RequestOptions.builder()
                            .header("X-Trace", "abc\r\nX-Injected: yes")
                            .build())
                    .check())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CR, LF or NUL");
    assertThatThrownBy(
            () ->
                portal
                    .health()
                    .withOptions(RequestOptions.builder().idempotencyKey("k\n1").build())
                    .check())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CR, LF or NUL");
    assertThatThrownBy(
            () ->
                portal
                    .health()
                    .withOptions(RequestOptions.builder().tenantId("t\r1").build())
                    .check())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CR, LF or NUL");

    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void headerBreakingTokenFromASupplierIsRefusedBeforeAnythingIsSent(WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        TestClients.builder(wm)
            .tokenSource(TokenSource.fromSupplier(() -> "tok\r\nX-Injected: yes"))
            .build();

    assertThatThrownBy(() -> portal.health().check())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Authorization")
        .hasMessageNotContaining("tok");

    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void requestOptionsOverrideTenantAndAddHeaders(WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        TestClients.builder(wm)
            .apiUrl(wm.getHttpBaseUrl() + "/api/v1")
            .tenantId("tenant-a")
            .build();

    portal
        .health()
        .withOptions(
            RequestOptions.builder().tenantId("tenant-z").header("X-Correlation-Id", "c-1").build())
        .check();

    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/api/v1/health"))
                .withHeader("X-Tenant-Id", equalTo("tenant-z"))
                .withHeader("X-Correlation-Id", equalTo("c-1"))
                .withHeader("Idempotency-Key", absent()));
  }
}
