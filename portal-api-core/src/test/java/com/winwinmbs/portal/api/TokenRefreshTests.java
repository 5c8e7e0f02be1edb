package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.health.HealthStatus;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.testing.TestClients;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class TokenRefreshTests {

  private static final String UNAUTHORIZED =
      """
      {"success":false,"error":{"code":"UNAUTHORIZED","message":"Token expired","statusCode":401,
       "path":"/health","method":"GET","requestId":"req_401"}}""";

  @BeforeEach
  void stubPortal(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(UNAUTHORIZED)));
    wm.getWireMock()
        .register(
            get("/health")
                .withHeader("Authorization", equalTo("Bearer fresh"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
  }

  private static ResponseDefinitionBuilder token(String value) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + value + "\",\"expires_in\":3600}");
  }

  /**
   * The token endpoint hands out "stale", then "fresh", then "extra" (which no test should ever
   * see).
   */
  private static void stubTokens(WireMockRuntimeInfo wm, int refreshDelayMillis) {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("tokens")
                .whenScenarioStateIs(STARTED)
                .willReturn(token("stale"))
                .willSetStateTo("refreshed"));
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("tokens")
                .whenScenarioStateIs("refreshed")
                .willReturn(token("fresh").withFixedDelay(refreshDelayMillis))
                .willSetStateTo("extra"));
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("tokens")
                .whenScenarioStateIs("extra")
                .willReturn(token("extra")));
  }

  private static ClientCredentialsTokenProvider provider(WireMockRuntimeInfo wm) {
    return ClientCredentialsTokenProvider.builder()
        .apiUrl(wm.getHttpBaseUrl())
        .clientId("app_1")
        .clientSecret("secret_1")
        .build();
  }

  private static int tokenRequests(WireMockRuntimeInfo wm) {
    return wm.getWireMock().find(postRequestedFor(urlEqualTo("/oauth/token"))).size();
  }

  @Test
  void rejectedTokenIsInvalidatedFetchedOnceAndTheRequestSentOnceMore(WireMockRuntimeInfo wm) {
    stubTokens(wm, 0);
    PortalApiClient portal = TestClients.builder(wm).tokenSource(provider(wm)).build();

    HealthStatus health = portal.health().check();

    assertThat(health.status()).isEqualTo("ok");
    assertThat(tokenRequests(wm)).isEqualTo(2);
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer stale")));
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer fresh")));
  }

  @Test
  void fiftyConcurrentRejectionsOfOneTokenShareOneRefresh(WireMockRuntimeInfo wm) throws Exception {
    stubTokens(wm, 200);
    // the stale token's 401s arrive spread out, some while the refresh is in flight, some after it
    wm.getWireMock()
        .register(
            get("/health")
                .withHeader("Authorization", equalTo("Bearer stale"))
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withUniformRandomDelay(100, 400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(UNAUTHORIZED)));
    ClientCredentialsTokenProvider tokens = provider(wm);
    assertThat(tokens.accessToken()).isEqualTo("stale");
    PortalApiClient portal = TestClients.builder(wm).tokenSource(tokens).build();

    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HealthStatus>> results = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return portal.health().check();
                }));
      }
      start.countDown();
      for (Future<HealthStatus> result : results) {
        assertThat(result.get(20, TimeUnit.SECONDS).status()).isEqualTo("ok");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(tokenRequests(wm)).as("the first fetch and exactly one refresh").isEqualTo(2);
    // a caller that starts after the refresh sends the fresh token at once; most start before it
    assertThat(
            wm.getWireMock()
                .find(
                    getRequestedFor(urlEqualTo("/health"))
                        .withHeader("Authorization", equalTo("Bearer stale"))))
        .hasSizeBetween(10, 50);
    wm.getWireMock()
        .verifyThat(
            50,
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer fresh")));
  }

  @Test
  void secondRejectionIsAnAuthenticationException(WireMockRuntimeInfo wm) {
    stubTokens(wm, 0);
    wm.getWireMock()
        .register(
            get("/health")
                .withHeader("Authorization", equalTo("Bearer fresh"))
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(UNAUTHORIZED)));
    PortalApiClient portal = TestClients.builder(wm).tokenSource(provider(wm)).build();

    assertThatThrownBy(() -> portal.health().check())
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.code()).isEqualTo("UNAUTHORIZED");
              assertThat(e.requestId()).isEqualTo("req_401");
              assertThat(e.attempts()).isEqualTo(2);
            })
        .hasMessageNotContaining("fresh")
        .hasMessageNotContaining("stale");
    assertThat(tokenRequests(wm)).isEqualTo(2);
    wm.getWireMock().verifyThat(2, getRequestedFor(urlEqualTo("/health")));
  }

  @Test
  void sourceThatCannotRefreshIsNotRetried(WireMockRuntimeInfo wm) {
    PortalApiClient portal = TestClients.builder(wm).tokenSource(TokenSource.of("stale")).build();

    assertThatThrownBy(() -> portal.health().check())
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    wm.getWireMock().verifyThat(1, getRequestedFor(urlEqualTo("/health")));
  }

  @Test
  void requestWithoutTokenIsNotRetriedOn401(WireMockRuntimeInfo wm) {
    AtomicInteger invalidations = new AtomicInteger();
    TokenSource empty =
        new TokenSource() {
          @Override
          public java.util.Optional<String> token() {
            return java.util.Optional.empty();
          }

          @Override
          public boolean canRefresh() {
            return true;
          }

          @Override
          public void invalidate(String rejectedToken) {
            invalidations.incrementAndGet();
          }
        };
    PortalApiClient portal = TestClients.builder(wm).tokenSource(empty).build();

    assertThatThrownBy(() -> portal.health().check()).isInstanceOf(AuthenticationException.class);
    assertThat(invalidations).hasValue(0);
    wm.getWireMock().verifyThat(1, getRequestedFor(urlEqualTo("/health")));
  }

  @Test
  void oneShotBodyIsNotSentAgainAfter401(WireMockRuntimeInfo wm) {
    stubTokens(wm, 0);
    wm.getWireMock()
        .register(
            post("/files/upload")
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(UNAUTHORIZED)));
    PortalApiClient portal = TestClients.builder(wm).tokenSource(provider(wm)).build();
    RequestBody oneShot =
        RequestBody.of(
            () -> new ByteArrayInputStream("file-bytes".getBytes()),
            10,
            "application/octet-stream",
            false);

    assertThatThrownBy(
            () ->
                TestClients.executor(portal)
                    .execute(Call.to(Endpoints.FILES_UPLOAD).body(oneShot), Map.class))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/files/upload")));
  }

  @Test
  void callerAuthorizationHeaderIsSentAsIsAndNotRefreshed(WireMockRuntimeInfo wm) {
    stubTokens(wm, 0);
    PortalApiClient portal = TestClients.builder(wm).tokenSource(provider(wm)).build();

    assertThatThrownBy(
            () ->
                portal
                    .health()
                    .withOptions(
                        RequestOptions.builder()
                            .header("Authorization", "Bearer user-token")
                            .build())
                    .check())
        .isInstanceOf(AuthenticationException.class);
    assertThat(tokenRequests(wm)).isZero();
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer user-token")));
  }
}
