package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class TokenSourceTests {

  @BeforeEach
  void stubHealth(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
  }

  private static PortalApiClient client(WireMockRuntimeInfo wm, TokenSource tokens) {
    return TestClients.builder(wm).tokenSource(tokens).build();
  }

  @Test
  void constantTokenIsSentAsBearerOnEveryCall(WireMockRuntimeInfo wm) {
    PortalApiClient portal = client(wm, TokenSource.of("const-token-1"));

    portal.health().check();
    portal.health().check();

    wm.getWireMock()
        .verifyThat(
            2,
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer const-token-1")));
    assertThat(TokenSource.of("const-token-1").canRefresh()).isFalse();
  }

  @Test
  void blankConstantTokenIsRefused() {
    assertThatThrownBy(() -> TokenSource.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void supplierIsAskedOnEveryCallAndNullSendsNoAuthorization(WireMockRuntimeInfo wm) {
    AtomicInteger calls = new AtomicInteger();
    PortalApiClient portal =
        client(
            wm,
            TokenSource.fromSupplier(
                () ->
                    switch (calls.incrementAndGet()) {
                      case 1 -> "supplied-1";
                      case 2 -> null;
                      case 3 -> "  ";
                      default -> "supplied-4";
                    }));

    for (int i = 0; i < 4; i++) {
      portal.health().check();
    }

    assertThat(calls).hasValue(4);
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer supplied-1")));
    wm.getWireMock()
        .verifyThat(
            2, getRequestedFor(urlEqualTo("/health")).withHeader("Authorization", absent()));
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer supplied-4")));
  }

  @Test
  void supplierFailingFailsWithTokenExceptionAndSendsNothing(WireMockRuntimeInfo wm) {
    IllegalStateException failure = new IllegalStateException("vault unreachable");
    PortalApiClient portal =
        client(
            wm,
            TokenSource.fromSupplier(
                () -> {
                  throw failure;
                }));

    assertThatThrownBy(() -> portal.health().check())
        .isInstanceOf(TokenException.class)
        .hasMessageContaining("token source failed")
        .hasCause(failure);
    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void noTokenSourceSendsNoAuthorization(WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        PortalApiClient.builder().apiUrl(wm.getHttpBaseUrl()).apiKey("app_key").build();

    portal.health().check();

    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", absent())
                .withHeader("X-API-Key", equalTo("app_key")));
  }

  @Test
  void asyncSourceIsAwaitedAndItsValueSent(WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        client(
            wm,
            TokenSource.fromAsync(
                () -> CompletableFuture.supplyAsync(() -> "async-token-9"), Duration.ofSeconds(2)));

    portal.health().check();

    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer async-token-9")));
  }

  @Test
  void asyncSourceCompletingWithNullSendsNoAuthorization(WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        client(
            wm,
            TokenSource.fromAsync(
                () -> CompletableFuture.completedFuture(null), Duration.ofSeconds(2)));

    portal.health().check();

    wm.getWireMock()
        .verifyThat(getRequestedFor(urlEqualTo("/health")).withHeader("Authorization", absent()));
  }

  @Test
  void asyncSourceThatDoesNotAnswerInTimeFailsWithTokenExceptionAndSendsNothing(
      WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        client(wm, TokenSource.fromAsync(CompletableFuture::new, Duration.ofMillis(50)));

    assertThatThrownBy(() -> portal.health().check())
        .isInstanceOf(TokenException.class)
        .hasMessageContaining("did not answer within PT0.05S")
        .hasCauseInstanceOf(TimeoutException.class);
    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void asyncSourceFailingFailsWithTokenExceptionCarryingTheCause(WireMockRuntimeInfo wm) {
    IllegalStateException failure = new IllegalStateException("vault sealed");
    PortalApiClient portal =
        client(
            wm,
            TokenSource.fromAsync(
                () -> CompletableFuture.failedFuture(failure), Duration.ofSeconds(1)));

    assertThatThrownBy(() -> portal.health().check())
        .isInstanceOf(TokenException.class)
        .hasMessageContaining("token source failed")
        .hasCause(failure);
    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void asyncSourceFailingWithATokenExceptionKeepsIt(WireMockRuntimeInfo wm) {
    TokenException failure = new TokenException("token endpoint said no", 401, null);
    PortalApiClient portal =
        client(
            wm,
            TokenSource.fromAsync(
                () -> CompletableFuture.failedFuture(failure), Duration.ofSeconds(1)));

    assertThatThrownBy(() -> portal.health().check()).isSameAs(failure);
  }

  @Test
  void refreshingSourceIsToldWhichTokenWasRejectedAndAskedAgain(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .withHeader("Authorization", equalTo("Bearer revoked"))
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"Token revoked\"}}")));
    RotatingSource source = new RotatingSource("revoked", "renewed");
    PortalApiClient portal = client(wm, source);

    assertThat(portal.health().check().status()).isEqualTo("ok");

    assertThat(source.rejected).isEqualTo("revoked");
    wm.getWireMock()
        .verifyThat(
            1,
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer renewed")));
  }

  @Test
  void defaultSourceCannotRefreshAndIgnoresInvalidation() {
    TokenSource source = () -> Optional.of("x");

    source.invalidate("x");

    assertThat(source.canRefresh()).isFalse();
    assertThat(source.token()).contains("x");
    assertThat(TokenSource.none().token()).isEmpty();
  }

  /** Hands out the first token until told it was rejected, then the second. */
  static final class RotatingSource implements TokenSource {
    private final String first;
    private final String second;
    private volatile String current;
    volatile String rejected;

    RotatingSource(String first, String second) {
      this.first = first;
      this.second = second;
      this.current = first;
    }

    @Override
    public Optional<String> token() {
      return Optional.of(current);
    }

    @Override
    public boolean canRefresh() {
      return true;
    }

    @Override
    public void invalidate(String rejectedToken) {
      rejected = rejectedToken;
      if (rejectedToken.equals(first)) {
        current = second;
      }
    }
  }
}
