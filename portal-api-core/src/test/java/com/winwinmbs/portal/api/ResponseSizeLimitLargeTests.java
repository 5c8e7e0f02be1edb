package com.winwinmbs.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.winwinmbs.portal.api.testing.HandlerServer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Answers of 200 MB, far more than the heap of the dedicated test run ({@code -Xmx64m}, surefire
 * execution {@code large-files}), in the shapes that used to exhaust it: a client that read them
 * whole would fail with an {@link OutOfMemoryError}. Each fails at the default limit of 16 MiB,
 * once, and the connection is dropped rather than drained.
 */
@Tag("large")
class ResponseSizeLimitLargeTests {

  private static final long SIZE = 200L * 1024 * 1024;

  enum Shape {
    HUGE_STRING_FIELD("{\"success\":true,\"data\":{\"id\":\"usr_1\",\"blob\":\"", "x", "\"}}"),
    HUGE_ARRAY_FIELD("{\"success\":true,\"data\":{\"id\":\"usr_1\",\"list\":[", "1,", "1]}}"),
    HUGE_OBJECT_FIELD(
        "{\"success\":true,\"data\":{\"id\":\"usr_1\",\"map\":{", "\"k\":1,", "\"k\":1}}}"),
    HUGE_SEARCH_PAGE("{\"success\":true,\"data\":[", "{\"id\":\"usr_1\"},", "{\"id\":\"u\"}]}");

    final String head;
    final String unit;
    final String tail;

    Shape(String head, String unit, String tail) {
      this.head = head;
      this.unit = unit;
      this.tail = tail;
    }
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aHugeAnswerFailsAtTheLimitWithoutExhaustingTheHeap(Shape shape) throws Exception {
    try (HandlerServer server = HandlerServer.start(exchange -> endless(exchange, shape))) {
      PortalApiClient portal =
          PortalApiClient.builder()
              .apiUrl(server.baseUrl())
              .tokenSource(TokenSource.of("large-token-1"))
              .timeout(Duration.ofSeconds(30))
              .sleeper(duration -> {})
              .build();
      Consumer<PortalApiClient> call =
          shape == Shape.HUGE_SEARCH_PAGE
              ? client -> client.user().search(SearchRequest.all())
              : client -> client.user().findById("usr_1");

      assertThatExceptionOfType(PortalApiException.class)
          .isThrownBy(() -> call.accept(portal))
          .withMessageContaining("larger than the limit of 16777216 bytes")
          .satisfies(e -> assertThat(e.code()).isEqualTo("RESPONSE_TOO_LARGE"));
      assertThat(server.requests()).isEqualTo(1);
      awaitHangUp(server);
    }
  }

  private static void endless(com.sun.net.httpserver.HttpExchange exchange, Shape shape)
      throws IOException {
    OutputStream out = HandlerServer.chunkedJson(exchange, 200);
    byte[] chunk = shape.unit.repeat(64 * 1024 / shape.unit.length()).getBytes();
    out.write(shape.head.getBytes());
    for (long written = 0; written < SIZE; written += chunk.length) {
      out.write(chunk);
    }
    out.write(shape.tail.getBytes());
    out.close();
  }

  /** The client dropped the connection: the server's writing failed long before its end. */
  private static void awaitHangUp(HandlerServer server) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (server.failures().isEmpty() && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(server.failures()).as("the server saw the client hang up").isNotEmpty();
  }
}
