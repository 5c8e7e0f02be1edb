package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.winwinmbs.portal.api.auth.SessionTokenSource;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A CR, LF or NUL in any value that becomes a header is refused with a message that names the
 * header but never the value, and nothing reaches the portal. Every source of a header value is one
 * row: client settings, per-call options, and every kind of token source (including a token the
 * token endpoint or the login answered with).
 */
@WireMockTest
class HeaderInjectionTests {

  /** The part of each value that would be a secret: it must never appear in a message. */
  private static final String SECRET = "s3cr3t-Hv9";

  private static final String INJECTED = "X-Injected: yes";

  static Stream<Arguments> breakingValues() {
    return Stream.of(
        Arguments.of("CRLF", SECRET + "\r\n" + INJECTED),
        Arguments.of("LF", SECRET + "\n" + INJECTED),
        Arguments.of("CR", SECRET + "\r" + INJECTED),
        Arguments.of("NUL", SECRET + "\u0000" + INJECTED),
        Arguments.of("trailing CRLF", SECRET + "\r\n"));
  }

  @BeforeEach
  void everyPortalRouteAnswers(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .atPriority(10)
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("breakingValues")
  void clientSettingsAreRefusedWhenSet(String kind, String value) {
    assertRefused(() -> PortalApiClient.builder().apiKey(value), "apiKey");
    assertRefused(() -> PortalApiClient.builder().tenantId(value), "tenantId");
    assertRefused(() -> PortalApiClient.builder().userAgent(value), "userAgent");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("breakingValues")
  void perCallOptionsAreRefusedWhenSetAndNothingIsSent(
      String kind, String value, WireMockRuntimeInfo wm) {
    assertRefused(() -> RequestOptions.builder().tenantId(value), "tenantId");
    assertRefused(() -> RequestOptions.builder().idempotencyKey(value), "idempotencyKey");
    assertRefused(() -> RequestOptions.builder().header("X-Trace", value), "X-Trace");
    assertRefused(() -> RequestOptions.builder().header("Authorization", value), "Authorization");
    assertRefused(() -> RequestOptions.builder().header("Cookie", value), "Cookie");
    assertRefused(() -> Headers.builder().add("X-API-Key", value), "X-API-Key");

    assertNothingSent(wm);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("breakingValues")
  void perCallHeaderNamesAreRefusedWithoutBreakingTheMessage(
      String kind, String value, WireMockRuntimeInfo wm) {
    String name = "X-Evil" + value.substring(SECRET.length());

    assertThatThrownBy(() -> RequestOptions.builder().header(name, "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header name")
        .hasMessageContaining("not allowed in a name")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));

    assertNothingSent(wm);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("breakingValues")
  void aConstantTokenIsRefusedWhenTheSourceIsMade(String kind, String value) {
    assertThatThrownBy(() -> TokenSource.of(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CR, LF or NUL")
        .satisfies(noEcho());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("breakingValues")
  void aTokenFromASupplierIsRefusedBeforeSending(
      String kind, String value, WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        TestClients.builder(wm).tokenSource(TokenSource.fromSupplier(() -> value)).build();

    assertRefused(() -> portal.health().check(), "Authorization");
    assertNothingSent(wm);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("breakingValues")
  void aTokenFromAnAsyncSourceIsRefusedBeforeSending(
      String kind, String value, WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        TestClients.builder(wm)
            .tokenSource(
                TokenSource.fromAsync(
                    () -> CompletableFuture.completedFuture(value), Duration.ofSeconds(1)))
            .build();

    assertRefused(() -> portal.health().check(), "Authorization");
    assertNothingSent(wm);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("breakingValues")
  void aTokenPassedPerCallIsRefusedBeforeSending(
      String kind, String value, WireMockRuntimeInfo wm) {
    PortalApiClient portal = TestClients.client(wm);

    assertRefused(
        () ->
            portal
                .health()
                .withOptions(
                    RequestOptions.builder()
                        .tokenSource(TokenSource.fromSupplier(() -> value))
                        .build())
                .check(),
        "Authorization");
    assertNothingSent(wm);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("breakingValues")
  void anAccessTokenFromTheTokenEndpointIsRefusedBeforeTheCallIsSent(
      String kind, String value, WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"access_token\":"
                                + json(value)
                                + ",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    ClientCredentialsTokenProvider tokens =
        ClientCredentialsTokenProvider.builder()
            .apiUrl(wm.getHttpBaseUrl())
            .clientId("app_inject")
            .clientSecret("secret_inject")
            .build();
    PortalApiClient portal = TestClients.builder(wm).tokenSource(tokens).build();

    assertRefused(() -> portal.health().check(), "Authorization");
    assertOnlySent(wm, "/oauth/token");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("breakingValues")
  void anAccessTokenFromALoginIsRefusedBeforeTheNextCallIsSent(
      String kind, String value, WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/auth/login")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"accessToken\":" + json(value) + "}")));
    PortalApiClient portal = TestClients.client(wm);
    SessionTokenSource session = portal.auth().login("ann@acme.com", "pw-Hv9", false);
    // a client built for the session, and the shared client with the session's options
    PortalApiClient mine = portal.toBuilder().tokenSource(session).build();

    assertRefused(() -> mine.health().check(), "Authorization");
    assertRefused(
        () -> portal.health().withOptions(session.requestOptions()).check(), "Authorization");
    assertOnlySent(wm, "/auth/login");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("breakingValues")
  void anAccessTokenFromASessionRefreshIsRefusedBeforeTheRetryIsSent(
      String kind, String value, WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/auth/login")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Set-Cookie", "refresh=r1; Path=/; HttpOnly")
                        .withBody("{\"accessToken\":\"good-token\"}")));
    wm.getWireMock()
        .register(
            post("/auth/refresh")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"accessToken\":" + json(value) + "}")));
    wm.getWireMock()
        .register(
            any(anyUrl())
                .atPriority(5)
                .withHeader("Authorization", equalTo("Bearer good-token"))
                .willReturn(aResponse().withStatus(401)));
    PortalApiClient portal = TestClients.client(wm);
    SessionTokenSource session = portal.auth().login("ann@acme.com", "pw-Hv9", false);

    assertRefused(
        () -> portal.health().withOptions(session.requestOptions()).check(), "Authorization");
    // the first attempt (with the good token) and the refresh went out; the retry did not
    assertThat(urls(wm)).containsExactly("/auth/login", "/health", "/auth/refresh");
  }

  // ---------------------------------------------------------------------------------------------

  private static void assertRefused(ThrowingCallable call, String header) {
    assertThatThrownBy(call)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(header)
        .hasMessageContaining("CR, LF or NUL")
        .satisfies(noEcho());
  }

  private static Consumer<Throwable> noEcho() {
    return e -> {
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET, INJECTED, "X-Injected");
      }
    };
  }

  private static void assertNothingSent(WireMockRuntimeInfo wm) {
    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  private static void assertOnlySent(WireMockRuntimeInfo wm, String url) {
    assertThat(urls(wm)).containsOnly(url);
  }

  /** The URLs received, oldest first. */
  private static List<String> urls(WireMockRuntimeInfo wm) {
    List<String> urls = new ArrayList<>();
    for (ServeEvent event : wm.getWireMock().getServeEvents()) {
      urls.add(0, event.getRequest().getUrl()); // WireMock lists the newest first
    }
    return urls;
  }

  private static String json(String value) {
    return com.winwinmbs.portal.api.internal.PortalJson.MAPPER.writeValueAsString(value);
  }
}
