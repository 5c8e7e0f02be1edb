package com.winwinmbs.portal.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.winwinmbs.portal.api.TokenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token endpoint that never stops sending (or announces more than 1 MiB) fails the fetch at once
 * with a {@link TokenException} that says the answer was too large; the connection is closed, not
 * drained until the timeout. Over real HTTP: the JDK's HttpServer writes an endless body and counts
 * what it could send before the client hung up.
 */
class TokenResponseSizeTests {

  private HttpServer server;
  private final AtomicLong written = new AtomicLong();
  private final CountDownLatch hungUp = new CountDownLatch(1);

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/endless/", exchange -> endless(exchange));
    server.createContext("/announced", this::announced);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  /** {@code {"access_token":"aaaa…} for ever, chunked, until the client closes the connection. */
  private void endless(HttpExchange exchange) throws IOException {
    int status = Integer.parseInt(exchange.getRequestURI().getPath().substring(9));
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, 0);
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'a');
      OutputStream out = exchange.getResponseBody();
      out.write("{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII));
      while (written.get() < 8L * 1024 * 1024 * 1024) {
        out.write(chunk);
        out.flush();
        written.addAndGet(chunk.length);
      }
    } catch (IOException clientHungUp) {
      hungUp.countDown();
    }
  }

  /** Headers announcing 2 GB, then a byte every 100 ms for 30 s. */
  private void announced(HttpExchange exchange) throws IOException {
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 2_000_000_000L);
      OutputStream out = exchange.getResponseBody();
      for (int i = 0; i < 300; i++) {
        out.write('{');
        out.flush();
        Thread.sleep(100);
      }
    } catch (IOException | InterruptedException clientHungUp) {
      hungUp.countDown();
    }
  }

  private ClientCredentialsTokenProvider provider(String path) {
    return ClientCredentialsTokenProvider.builder()
        .tokenEndpoint("http://127.0.0.1:" + server.getAddress().getPort() + path)
        .clientId("app_size")
        .clientSecret("secret_size")
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {200, 500})
  void anEndlessTokenResponseFailsAtTheCapAndTheConnectionIsClosed(int status) throws Exception {
    ClientCredentialsTokenProvider tokens = provider("/endless/" + status);

    // the 30 s timeout would end an unbounded read too: failing well within it proves the cap (the
    // bound is generous for a loaded machine; the read takes milliseconds)
    Throwable failure =
        assertTimeoutPreemptively(
            Duration.ofSeconds(12), () -> catchThrowable(tokens::accessToken));

    // an answer is read to 1 MiB at most and fails unread past it; an error's status is what
    // counts, so its body is cut at 64 KB, as the error of any portal call
    assertThat(failure)
        .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.status()).isEqualTo(status))
        .hasMessageContaining(
            status == 200
                ? "(HTTP 200) is too large: more than 1048576 bytes"
                : "token request failed (HTTP 500)")
        .hasNoCause();
    assertThat(hungUp.await(5, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
    // what the loopback socket buffers held on top of the 1 MiB read, not gigabytes
    assertThat(written.get()).isLessThan(64L * 1024 * 1024);
    assertThat(tokens.cachedToken()).isEmpty();
  }

  @Test
  void aResponseThatAnnouncesMoreThanTheCapFailsBeforeItsBodyIsRead() throws Exception {
    ClientCredentialsTokenProvider tokens = provider("/announced");

    long started = System.nanoTime();
    Throwable failure = catchThrowable(tokens::accessToken);

    assertThat(failure)
        .isInstanceOf(TokenException.class)
        .hasMessageContaining("is too large: 2000000000 bytes announced by Content-Length");
    // reading the trickle would take 30 s; the bound is generous for a loaded machine
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(12));
    assertThat(hungUp.await(20, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
  }
}
