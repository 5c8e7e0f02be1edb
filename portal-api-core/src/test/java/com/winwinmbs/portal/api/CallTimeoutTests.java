package com.winwinmbs.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.testing.HandlerServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole-call deadline: it bounds getting the token, every attempt and every wait between them;
 * and a token is never awaited longer than an attempt.
 */
class CallTimeoutTests {

  private static final String USER = "{\"success\":true,\"data\":{\"id\":\"usr_1\"}}";

  @Test
  @Timeout(10)
  void aHangingTokenEndpointEndsWithTheCallTimeoutNotTheProvidersOwn() {
    try (HandlerServer tokens = hanging();
        HandlerServer portal = answering(USER)) {
      PortalApiClient client = builder(portal, tokens).callTimeout(Duration.ofMillis(800)).build();

      long started = System.nanoTime();
      assertThatExceptionOfType(TokenException.class)
          .isThrownBy(() -> client.user().findById("usr_1"))
          .withMessageContaining("client_credentials token request");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(portal.requests()).isZero();
    }
  }

  @Test
  @Timeout(10)
  void aPerCallTimeoutAlsoBoundsTheWaitForTheToken() {
    try (HandlerServer tokens = hanging();
        HandlerServer portal = answering(USER)) {
      PortalApiClient client = builder(portal, tokens).build();

      long started = System.nanoTime();
      assertThatExceptionOfType(TokenException.class)
          .isThrownBy(
              () ->
                  client
                      .user()
                      .withOptions(RequestOptions.builder().timeout(Duration.ofMillis(700)).build())
                      .findById("usr_1"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  @Timeout(10)
  void aSlowAnswerEndsAtTheCallTimeoutAndSaysSo() {
    try (HandlerServer portal =
        HandlerServer.start(
            exchange -> {
              Thread.sleep(5_000);
              HandlerServer.write(HandlerServer.chunkedJson(exchange, 200), USER);
            })) {
      PortalApiClient client =
          PortalApiClient.builder()
              .apiUrl(portal.baseUrl())
              .timeout(Duration.ofSeconds(30))
              .callTimeout(Duration.ofMillis(600))
              .build();

      assertThatExceptionOfType(TransportException.class)
          .isThrownBy(() -> client.user().findById("usr_1"))
          .withMessageStartingWith("the call did not complete within its call timeout")
          .satisfies(e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
      assertThat(portal.requests()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(10)
  void retriesStopWhenTheCallTimeoutLeavesNoTimeForTheNextOne() {
    try (HandlerServer portal =
        HandlerServer.start(exchange -> exchange.sendResponseHeaders(503, -1))) {
      PortalApiClient client =
          PortalApiClient.builder()
              .apiUrl(portal.baseUrl())
              .retryPolicy(
                  RetryPolicy.DEFAULT
                      .withMaxAttempts(10)
                      .withBackoff(Duration.ofMillis(400), Duration.ofMillis(400)))
              .callTimeout(Duration.ofSeconds(1))
              .build();

      long started = System.nanoTime();
      assertThatExceptionOfType(ServerException.class)
          .isThrownBy(() -> client.user().findById("usr_1"))
          .satisfies(e -> assertThat(e.attempts()).isBetween(1, 9));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
      assertThat(portal.requests()).isLessThan(10);
    }
  }

  @Test
  @Timeout(20)
  void aRateLimitWaitLongerThanWhatIsLeftIsNotStarted() {
    try (HandlerServer portal =
        HandlerServer.start(
            exchange -> {
              exchange.getResponseHeaders().set("Retry-After", "30");
              exchange.sendResponseHeaders(429, -1);
            })) {
      PortalApiClient client =
          PortalApiClient.builder()
              .apiUrl(portal.baseUrl())
              .callTimeout(Duration.ofSeconds(2))
              .build();

      long started = System.nanoTime();
      assertThatExceptionOfType(RateLimitException.class)
          .isThrownBy(() -> client.user().findById("usr_1"))
          .withMessageContaining("the call timeout leaves no time to wait 30000 ms");
      // far less than the 30 s asked for: the wait was never started
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
      assertThat(portal.requests()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(20)
  void aCallWaitingForAnotherCallsTokenFetchWaitsNoLongerThanItsOwnTime() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (HandlerServer tokens =
            HandlerServer.start(
                exchange -> {
                  release.await(15, java.util.concurrent.TimeUnit.SECONDS);
                  HandlerServer.write(
                      HandlerServer.chunkedJson(exchange, 200),
                      "{\"access_token\":\"shared-1\",\"expires_in\":3600}");
                });
        HandlerServer portal = answering(USER)) {
      ClientCredentialsTokenProvider shared =
          ClientCredentialsTokenProvider.builder()
              .tokenEndpoint(tokens.baseUrl() + "/oauth/token")
              .clientId("app_shared")
              .clientSecret("secret_shared")
              .build();
      PortalApiClient patient =
          PortalApiClient.builder().apiUrl(portal.baseUrl()).tokenSource(shared).build();
      PortalApiClient hurried = patient.toBuilder().callTimeout(Duration.ofMillis(600)).build();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newSingleThreadExecutor();
      try {
        java.util.concurrent.Future<?> owner = pool.submit(() -> patient.user().findById("usr_1"));
        while (tokens.requests() == 0) {
          Thread.sleep(10);
        }

        long started = System.nanoTime();
        assertThatExceptionOfType(TokenException.class)
            .isThrownBy(() -> hurried.user().findById("usr_1"))
            .withMessageContaining("no token within the call's time");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        release.countDown();
        owner.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(tokens.requests()).as("the waiter did not fetch on its own").isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void theCallTimeoutMustBePositive() {
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> PortalApiClient.builder().callTimeout(Duration.ZERO))
        .withMessage("callTimeout must be positive: PT0S");
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> RequestOptions.builder().callTimeout(Duration.ofSeconds(-1)));
  }

  private static PortalApiClient.Builder builder(HandlerServer portal, HandlerServer tokens) {
    return PortalApiClient.builder()
        .apiUrl(portal.baseUrl())
        .tokenSource(
            ClientCredentialsTokenProvider.builder()
                .tokenEndpoint(tokens.baseUrl() + "/oauth/token")
                .clientId("app_deadline")
                .clientSecret("secret_deadline")
                .timeout(Duration.ofSeconds(30))
                .build())
        .timeout(Duration.ofSeconds(30));
  }

  /** A token endpoint that accepts the request and never answers. */
  private static HandlerServer hanging() {
    return HandlerServer.start(exchange -> Thread.sleep(60_000));
  }

  private static HandlerServer answering(String body) {
    return HandlerServer.start(
        exchange -> HandlerServer.write(HandlerServer.chunkedJson(exchange, 200), body));
  }
}
