package com.winwinmbs.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.testing.HandlerServer;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An interrupted call ends at once with kind {@code INTERRUPTED}, its thread's interrupt flag kept,
 * and is never retried: whatever it was waiting for.
 */
class InterruptTests {

  private static final String USER = "{\"success\":true,\"data\":{\"id\":\"usr_1\"}}";

  @Test
  @Timeout(20)
  void whileReadingASlowlyArrivingBody() throws Exception {
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              OutputStream out = HandlerServer.chunkedJson(exchange, 200);
              for (char c : USER.toCharArray()) {
                HandlerServer.write(out, String.valueOf(c));
                Thread.sleep(500);
              }
            })) {
      Outcome outcome = interruptAfter(Duration.ofMillis(1500), client(server), findUser());

      outcome.assertInterruptedWithin(Duration.ofSeconds(3));
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(20)
  void whileWaitingForTheHeaders() throws Exception {
    try (HandlerServer server = HandlerServer.start(exchange -> Thread.sleep(30_000))) {
      Outcome outcome = interruptAfter(Duration.ofMillis(800), client(server), findUser());

      outcome.assertInterruptedWithin(Duration.ofSeconds(3));
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(20)
  void whileBackingOffAfterAServerError() throws Exception {
    try (HandlerServer server =
        HandlerServer.start(exchange -> exchange.sendResponseHeaders(503, -1))) {
      PortalApiClient.Builder builder =
          client(server)
              .retryPolicy(
                  RetryPolicy.DEFAULT.withBackoff(Duration.ofSeconds(20), Duration.ofSeconds(20)));
      // full jitter may pick a short wait: retry until the wait is long enough to interrupt
      Outcome outcome = interruptAfter(Duration.ofMillis(800), builder, findUser());

      outcome.assertInterruptedWithin(Duration.ofSeconds(3));
      assertThat(server.requests()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  @Timeout(20)
  void whileWaitingOnATooManyRequests() throws Exception {
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              exchange.getResponseHeaders().set("Retry-After", "20");
              exchange.sendResponseHeaders(429, -1);
            })) {
      Outcome outcome = interruptAfter(Duration.ofMillis(800), client(server), findUser());

      outcome.assertInterruptedWithin(Duration.ofSeconds(3));
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(20)
  void whileFetchingAToken() throws Exception {
    try (HandlerServer tokens = HandlerServer.start(exchange -> Thread.sleep(30_000));
        HandlerServer portal =
            HandlerServer.start(
                exchange -> HandlerServer.write(HandlerServer.chunkedJson(exchange, 200), USER))) {
      PortalApiClient.Builder builder =
          client(portal)
              .tokenSource(
                  ClientCredentialsTokenProvider.builder()
                      .tokenEndpoint(tokens.baseUrl() + "/oauth/token")
                      .clientId("app_interrupt")
                      .clientSecret("secret_interrupt")
                      .build());
      Outcome outcome = interruptAfter(Duration.ofMillis(800), builder, findUser());

      outcome.assertInterruptedWithin(Duration.ofSeconds(3));
      assertThat(portal.requests()).isZero();
    }
  }

  private static Consumer<PortalApiClient> findUser() {
    return portal -> portal.user().findById("usr_1");
  }

  private static PortalApiClient.Builder client(HandlerServer server) {
    return PortalApiClient.builder()
        .apiUrl(server.baseUrl())
        .timeout(Duration.ofSeconds(30))
        .retryPolicy(RetryPolicy.DEFAULT.withMaxRateLimitWait(Duration.ofSeconds(60)));
  }

  /** Runs the call on a thread of its own and interrupts that thread after the delay. */
  private static Outcome interruptAfter(
      Duration delay, PortalApiClient.Builder builder, Consumer<PortalApiClient> call)
      throws Exception {
    PortalApiClient portal = builder.build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flag = new AtomicBoolean();
    CompletableFuture<Long> ended = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                call.accept(portal);
              } catch (Throwable t) {
                thrown.set(t);
              }
              flag.set(Thread.currentThread().isInterrupted());
              ended.complete(System.nanoTime());
            });
    caller.start();
    Thread.sleep(delay.toMillis());
    long interrupted = System.nanoTime();
    caller.interrupt();
    long end = ended.get(15, TimeUnit.SECONDS);
    return new Outcome(thrown.get(), flag.get(), Duration.ofNanos(end - interrupted));
  }

  private record Outcome(Throwable thrown, boolean flagKept, Duration afterInterrupt) {
    void assertInterruptedWithin(Duration bound) {
      assertThat(thrown)
          .isInstanceOf(TransportException.class)
          .satisfies(
              e ->
                  assertThat(((TransportException) e).kind())
                      .isEqualTo(TransportException.Kind.INTERRUPTED));
      assertThat(flagKept).as("the interrupt flag is kept").isTrue();
      assertThat(afterInterrupt).isLessThan(bound);
    }
  }
}
