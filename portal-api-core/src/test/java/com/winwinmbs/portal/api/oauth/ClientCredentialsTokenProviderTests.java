package com.winwinmbs.portal.api.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.TokenException;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@WireMockTest
class ClientCredentialsTokenProviderTests {

  private static final String CLIENT_ID = "app_3f9c1b";
  private static final String SECRET = "secret_Xy9\"q/Zp+w=7&k";

  private final MutableClock clock = MutableClock.start();

  private ClientCredentialsTokenProvider.Builder provider(WireMockRuntimeInfo wm) {
    return ClientCredentialsTokenProvider.builder()
        .apiUrl(wm.getHttpBaseUrl() + "/")
        .clientId(CLIENT_ID)
        .clientSecret(SECRET)
        .clock(clock);
  }

  private static ResponseDefinitionBuilder token(String value, Integer expiresIn) {
    String expires = expiresIn == null ? "" : ",\"expires_in\":" + expiresIn;
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\"" + expires + "}");
  }

  private static int tokenRequests(WireMockRuntimeInfo wm) {
    return wm.getWireMock().find(postRequestedFor(urlEqualTo("/oauth/token"))).size();
  }

  @Test
  void postsTheJsonBodyOfTheTypeScriptClientToApiUrlOauthToken(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post("/oauth/token").willReturn(token("at-1", 3600)));

    String token = provider(wm).scope("applications:read users:read").build().accessToken();

    assertThat(token).isEqualTo("at-1");
    wm.getWireMock()
        .verifyThat(
            1,
            postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(
                    equalToJson(
                        """
            {"grant_type":"client_credentials","client_id":"app_3f9c1b",
             "client_secret":"secret_Xy9\\"q/Zp+w=7&k","scope":"applications:read users:read"}
            """,
                        false,
                        false)));
  }

  @Test
  void scopeIsLeftOutWhenNotSet(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post("/oauth/token").willReturn(token("at-1", 3600)));

    provider(wm).build().accessToken();

    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(
                    equalToJson(
                        """
        {"grant_type":"client_credentials","client_id":"app_3f9c1b","client_secret":"secret_Xy9\\"q/Zp+w=7&k"}
        """,
                        false,
                        false)));
  }

  @Test
  void tokenEndpointOverridesApiUrl(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/auth/realms/portal/token").willReturn(token("at-custom", 3600)));

    ClientCredentialsTokenProvider tokens =
        ClientCredentialsTokenProvider.builder()
            .tokenEndpoint(wm.getHttpBaseUrl() + "/auth/realms/portal/token")
            .clientId(CLIENT_ID)
            .clientSecret(SECRET)
            .build();

    assertThat(tokens.accessToken()).isEqualTo("at-custom");
    assertThat(tokens.tokenEndpoint())
        .hasToString(wm.getHttpBaseUrl() + "/auth/realms/portal/token");
  }

  @Test
  void tokenIsCachedUntilExpiryMinusTheRefreshSkew(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("rotate")
                .whenScenarioStateIs(STARTED)
                .willReturn(token("at-1", 600))
                .willSetStateTo("second"));
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("rotate")
                .whenScenarioStateIs("second")
                .willReturn(token("at-2", 600)));
    ClientCredentialsTokenProvider tokens = provider(wm).build();

    assertThat(tokens.accessToken()).isEqualTo("at-1");
    clock.advance(Duration.ofSeconds(539));
    assertThat(tokens.accessToken()).isEqualTo("at-1");
    assertThat(tokenRequests(wm)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1)); // 600 - 60: no longer fresh
    assertThat(tokens.accessToken()).isEqualTo("at-2");
    assertThat(tokenRequests(wm)).isEqualTo(2);
  }

  @Test
  void refreshSkewIsConfigurable(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post("/oauth/token").willReturn(token("at-1", 600)));
    ClientCredentialsTokenProvider tokens =
        provider(wm).refreshSkew(Duration.ofSeconds(300)).build();

    tokens.accessToken();
    clock.advance(Duration.ofSeconds(299));
    tokens.accessToken();
    assertThat(tokenRequests(wm)).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    tokens.accessToken();
    assertThat(tokenRequests(wm)).isEqualTo(2);
  }

  @Test
  void missingExpiresInMeans3600Seconds(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post("/oauth/token").willReturn(token("at-1", null)));
    ClientCredentialsTokenProvider tokens = provider(wm).build();

    tokens.accessToken();
    clock.advance(Duration.ofSeconds(3539));
    tokens.accessToken();
    assertThat(tokenRequests(wm)).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    tokens.accessToken();
    assertThat(tokenRequests(wm)).isEqualTo(2);
  }

  @Test
  void hundredThreadsOnAnExpiredTokenCauseExactlyOneTokenRequest(WireMockRuntimeInfo wm)
      throws Exception {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("rotate")
                .whenScenarioStateIs(STARTED)
                .willReturn(token("at-old", 120))
                .willSetStateTo("second"));
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("rotate")
                .whenScenarioStateIs("second")
                .willReturn(token("at-new", 3600).withFixedDelay(300))
                .willSetStateTo("third"));
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("rotate")
                .whenScenarioStateIs("third")
                .willReturn(token("at-extra", 3600)));
    ClientCredentialsTokenProvider tokens = provider(wm).build();
    assertThat(tokens.accessToken()).isEqualTo("at-old");
    clock.advance(Duration.ofSeconds(61));

    ExecutorService pool = Executors.newFixedThreadPool(100);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return tokens.accessToken();
                }));
      }
      start.countDown();
      Set<String> seen = ConcurrentHashMap.newKeySet();
      for (Future<String> result : results) {
        seen.add(result.get(10, TimeUnit.SECONDS));
      }
      assertThat(seen).containsExactly("at-new");
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokenRequests(wm)).isEqualTo(2);
  }

  @Test
  void cachedTokenNeverFetchesAndMayBeStale(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post("/oauth/token").willReturn(token("at-1", 120)));
    ClientCredentialsTokenProvider tokens = provider(wm).build();

    assertThat(tokens.cachedToken()).isEmpty();
    assertThat(tokenRequests(wm)).isZero();
    tokens.accessToken();
    clock.advance(Duration.ofHours(2));
    assertThat(tokens.cachedToken()).contains("at-1");
    assertThat(tokenRequests(wm)).isEqualTo(1);
  }

  @Test
  void resetForgetsTheTokenSoTheNextCallFetches(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post("/oauth/token").willReturn(token("at-1", 3600)));
    ClientCredentialsTokenProvider tokens = provider(wm).build();
    tokens.accessToken();

    tokens.reset();

    assertThat(tokens.cachedToken()).isEmpty();
    tokens.accessToken();
    assertThat(tokenRequests(wm)).isEqualTo(2);
  }

  @Test
  void invalidateForgetsOnlyTheRejectedToken(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post("/oauth/token").willReturn(token("at-1", 3600)));
    ClientCredentialsTokenProvider tokens = provider(wm).build();
    tokens.accessToken();

    tokens.invalidate("some-older-token");
    assertThat(tokens.cachedToken()).contains("at-1");
    tokens.invalidate("at-1");
    assertThat(tokens.cachedToken()).isEmpty();
    assertThat(tokens.canRefresh()).isTrue();
    assertThat(tokens.token()).contains("at-1");
    assertThat(tokenRequests(wm)).isEqualTo(2);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void constructorRefusesMissingOrBlankClientIdOrSecret(String missing) {
    assertThatThrownBy(
            () ->
                ClientCredentialsTokenProvider.builder()
                    .apiUrl("https://portal.example.com")
                    .clientId(missing)
                    .clientSecret(SECRET)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ClientCredentialsTokenProvider requires clientId and clientSecret");
    assertThatThrownBy(
            () ->
                ClientCredentialsTokenProvider.builder()
                    .apiUrl("https://portal.example.com")
                    .clientId(CLIENT_ID)
                    .clientSecret(missing)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ClientCredentialsTokenProvider requires clientId and clientSecret");
  }

  @Test
  void constructorRefusesAMissingUrlAndPlainHttpToARemoteHost() {
    assertThatThrownBy(
            () ->
                ClientCredentialsTokenProvider.builder()
                    .clientId(CLIENT_ID)
                    .clientSecret(SECRET)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requires apiUrl");
    assertThatThrownBy(
            () ->
                ClientCredentialsTokenProvider.builder()
                    .apiUrl("http://portal.example.com")
                    .clientId(CLIENT_ID)
                    .clientSecret(SECRET)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void failureCarriesTheStatusAndTheResponseDetail(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));

    assertThatThrownBy(() -> provider(wm).build().accessToken())
        .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessage(
            "client_credentials token request failed (HTTP 401) "
                + "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
  }

  @Test
  void nonJsonFailureStillCarriesTheStatus(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .willReturn(
                    aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Bad gateway</body></html>")));

    assertThatThrownBy(() -> provider(wm).build().accessToken())
        .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.status()).isEqualTo(502))
        .hasMessage("client_credentials token request failed (HTTP 502)");
  }

  @Test
  void responseWithoutAccessTokenIsAnError(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3600}")));

    assertThatThrownBy(() -> provider(wm).build().accessToken())
        .isInstanceOf(TokenException.class)
        .hasMessage("client_credentials response did not include an access_token");
  }

  @Test
  void failedFetchIsNotCachedAndTheNextCallFetchesAgain(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    aResponse().withStatus(503).withBody("{\"error\":\"temporarily_unavailable\"}"))
                .willSetStateTo("up"));
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(token("at-after-failure", 3600)));
    ClientCredentialsTokenProvider tokens = provider(wm).build();

    assertThatThrownBy(tokens::accessToken)
        .isInstanceOf(TokenException.class)
        .hasMessageContaining("HTTP 503");
    assertThat(tokens.cachedToken()).isEmpty();

    assertThat(tokens.accessToken()).isEqualTo("at-after-failure");
    assertThat(tokenRequests(wm)).isEqualTo(2);
  }

  @Test
  void stalledTokenResponseTimesOutInsteadOfHangingEveryCaller(WireMockRuntimeInfo wm)
      throws Exception {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .willReturn(token("at-slow", 3600).withChunkedDribbleDelay(80, 4000)));
    ClientCredentialsTokenProvider tokens = provider(wm).timeout(Duration.ofMillis(600)).build();

    // A reader without a deadline would get the whole token after 4 s and succeed, so the
    // TokenException proves the deadline; the generous preemptive bound only keeps a hang from
    // blocking the build on a loaded machine.
    Throwable failure =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            Duration.ofMillis(3800),
            () -> org.assertj.core.api.Assertions.catchThrowable(tokens::accessToken));

    assertThat(failure)
        .isInstanceOf(TokenException.class)
        // the body deadline, or on a loaded machine already the header timeout: either way no hang
        .hasMessageMatching(
            "(?s).*(no complete response within 600 ms|no response within 600 ms).*");
    assertThat(tokens.cachedToken()).isEmpty();
    // the server records the request once it stops writing; wait for it so it cannot land in the
    // next test
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (tokenRequests(wm) < 1 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(tokenRequests(wm)).isEqualTo(1);
  }

  @Test
  void unreachableTokenEndpointIsATokenExceptionWithoutStatus() {
    ClientCredentialsTokenProvider tokens =
        ClientCredentialsTokenProvider.builder()
            .apiUrl("http://127.0.0.1:1")
            .clientId(CLIENT_ID)
            .clientSecret(SECRET)
            .timeout(Duration.ofSeconds(2))
            .build();

    assertThatThrownBy(tokens::accessToken)
        .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.status()).isZero())
        .hasMessageContaining(
            "client_credentials token request to http://127.0.0.1:1/oauth/token failed")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void secretNeverAppearsInToStringLogsOrMessagesEvenWhenTheServerEchoesIt(WireMockRuntimeInfo wm) {
    // a careless token endpoint that echoes what it was sent, in every form it was sent in
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":\"invalid_request\",\"received\":{\"client_id\":\"app_3f9c1b\","
                                + "\"client_secret\":\"secret_Xy9\\\"q/Zp+w=7&k\"},"
                                + "\"form\":\"client_secret=secret_Xy9%22q%2FZp%2Bw%3D7%26k\","
                                + "\"authorization\":\"Basic "
                                + basic()
                                + "\"}")));
    ClientCredentialsTokenProvider json = provider(wm).build();
    ClientCredentialsTokenProvider form = provider(wm).format(TokenRequestFormat.FORM).build();

    try (LogCapture logs = LogCapture.start()) {
      Throwable jsonFailure = org.assertj.core.api.Assertions.catchThrowable(json::accessToken);
      Throwable formFailure = org.assertj.core.api.Assertions.catchThrowable(form::accessToken);

      assertThat(jsonFailure)
          .isInstanceOf(TokenException.class)
          .hasMessageContaining("[REDACTED]")
          .hasMessageContaining("invalid_request");
      assertThat(formFailure).isInstanceOf(TokenException.class).hasMessageContaining("[REDACTED]");
      for (Throwable failure : List.of(jsonFailure, formFailure)) {
        assertThat(failure.getMessage())
            .doesNotContain(SECRET, "secret_Xy9", "Zp%2Bw", "Zp+w")
            .doesNotContain(basic());
      }
      assertThat(logs.text()).contains("HTTP 400").doesNotContain("secret_Xy9", "Zp%2Bw", basic());
    }
    assertThat(json.toString())
        .doesNotContain("secret_Xy9")
        .contains(CLIENT_ID)
        .contains("[REDACTED]");
    assertThat(form.toString()).doesNotContain("secret_Xy9");
    assertThat(provider(wm).toString()).doesNotContain("secret_Xy9");
  }

  private static String basic() {
    String credentials =
        CLIENT_ID
            + ":"
            + java.net.URLEncoder.encode(SECRET, java.nio.charset.StandardCharsets.UTF_8);
    return java.util.Base64.getEncoder()
        .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
