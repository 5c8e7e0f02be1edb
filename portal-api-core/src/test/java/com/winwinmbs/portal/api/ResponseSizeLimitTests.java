package com.winwinmbs.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.winwinmbs.portal.api.testing.HandlerServer;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The largest JSON body a call reads: per client and per call, never retried. */
class ResponseSizeLimitTests {

  private static final String ONE_KB_USER =
      "{\"success\":true,\"data\":{\"id\":\"usr_1\",\"bio\":\"" + "x".repeat(1000) + "\"}}";

  @Test
  @Timeout(20)
  void aBodyOverTheClientsLimitFailsOnceAndNamesTheLimitAndTheRoute() {
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              OutputStream out = HandlerServer.chunkedJson(exchange, 200);
              HandlerServer.write(out, ONE_KB_USER);
            })) {
      PortalApiClient portal = client(server).maxResponseSize(512).build();

      assertThatExceptionOfType(PortalApiException.class)
          .isThrownBy(() -> portal.user().findById("usr_1"))
          .withMessageStartingWith("the 200 response of user.findById is larger than the limit")
          .withMessageContaining("512 bytes (maxResponseSize)")
          .withMessageContaining("[GET /users/{id}]")
          .satisfies(e -> assertThat(e.code()).isEqualTo("RESPONSE_TOO_LARGE"))
          .satisfies(e -> assertThat(e.details()).containsEntry("limit", 512L));
      assertThat(server.requests()).as("a GET over the limit is not retried").isEqualTo(1);
    }
  }

  @Test
  @Timeout(20)
  void aDeclaredLengthOverTheLimitFailsBeforeTheBodyIsRead() {
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, 10_000_000);
              // one byte, flushed, so the headers leave (JDK 25's server holds them until a write);
              // nothing more arrives: a client reading the body would wait for it
              exchange.getResponseBody().write('{');
              exchange.getResponseBody().flush();
              Thread.sleep(30_000);
            })) {
      PortalApiClient portal = client(server).maxResponseSize(1024 * 1024).build();

      assertThatExceptionOfType(PortalApiException.class)
          .isThrownBy(() -> portal.user().findById("usr_1"))
          .withMessageContaining("its Content-Length says 10000000 bytes");
    }
  }

  @Test
  @Timeout(20)
  void aCallsOwnLimitReplacesTheClients() {
    try (HandlerServer server =
        HandlerServer.start(
            exchange ->
                HandlerServer.write(HandlerServer.chunkedJson(exchange, 200), ONE_KB_USER))) {
      PortalApiClient portal = client(server).maxResponseSize(512).build();

      assertThat(
              portal
                  .user()
                  .withOptions(RequestOptions.builder().maxResponseSize(64 * 1024).build())
                  .findById("usr_1")
                  .id())
          .isEqualTo("usr_1");
    }
  }

  @Test
  void theLimitMustBePositiveAndFitAnArray() {
    assertThat(PortalApiClient.DEFAULT_MAX_RESPONSE_SIZE).isEqualTo(16L * 1024 * 1024);
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> PortalApiClient.builder().maxResponseSize(0))
        .withMessageContaining("maxResponseSize must be between 1 and");
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> RequestOptions.builder().maxResponseSize(Integer.MAX_VALUE));
  }

  private static PortalApiClient.Builder client(HandlerServer server) {
    return PortalApiClient.builder()
        .apiUrl(server.baseUrl())
        .tokenSource(TokenSource.of("size-token-1"))
        .timeout(Duration.ofSeconds(5))
        .sleeper(duration -> {});
  }
}
