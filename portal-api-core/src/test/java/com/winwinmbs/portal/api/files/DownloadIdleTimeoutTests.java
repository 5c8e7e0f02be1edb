package com.winwinmbs.portal.api.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.HttpExchange;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.testing.HandlerServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A streamed download may take as long as it needs while bytes keep arriving, and ends when none
 * arrives for the client's timeout.
 */
class DownloadIdleTimeoutTests {

  @Test
  @Timeout(15)
  void aDownloadThatStallsAfterOneKilobyteEndsAtTheTimeout() throws IOException {
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              OutputStream out = start(exchange, -1);
              out.write(new byte[1024]);
              out.flush();
              Thread.sleep(60_000);
            })) {
      try (FileDownload download = client(server, Duration.ofMillis(700)).files().download("f1")) {
        InputStream in = download.inputStream();
        assertThat(in.readNBytes(1024)).hasSize(1024);

        long started = System.nanoTime();
        assertThatExceptionOfType(SocketTimeoutException.class)
            .isThrownBy(in::read)
            .withMessage("no byte of the body arrived within 700 ms (after 1024 bytes)");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isGreaterThanOrEqualTo(Duration.ofMillis(600))
            .isLessThan(Duration.ofSeconds(10));
      }
    }
  }

  @Test
  @Timeout(30)
  void aSlowButSteadyDownloadLongerThanTheTimeoutCompletes() throws IOException {
    int chunks = 12;
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              OutputStream out = start(exchange, chunks * 100L);
              for (int i = 0; i < chunks; i++) {
                out.write(new byte[100]);
                out.flush();
                Thread.sleep(150); // 1.8 s in all, a byte at least every 150 ms
              }
              out.close();
            })) {
      try (FileDownload download = client(server, Duration.ofMillis(700)).files().download("f1")) {
        assertThat(download.inputStream().readAllBytes()).hasSize(chunks * 100);
      }
    }
  }

  @Test
  @Timeout(15)
  void timeSpentBetweenReadsDoesNotCount() throws Exception {
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              OutputStream out = start(exchange, 2048);
              out.write(new byte[2048]);
              out.close();
            })) {
      try (FileDownload download = client(server, Duration.ofMillis(300)).files().download("f1")) {
        InputStream in = download.inputStream();
        assertThat(in.readNBytes(10)).hasSize(10);
        Thread.sleep(1_000); // the caller is busy, not the server slow
        assertThat(in.readAllBytes()).hasSize(2038);
      }
    }
  }

  @Test
  @Timeout(15)
  void aBodyEndingBeforeItsContentLengthFailsInsteadOfLookingComplete() throws IOException {
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              OutputStream out = start(exchange, 4096);
              out.write(new byte[1000]);
              out.flush();
              // the handler ends: the server closes a connection it could not complete
              throw new IOException("the file store went away");
            })) {
      try (FileDownload download = client(server, Duration.ofSeconds(5)).files().download("f1")) {
        assertThatExceptionOfType(IOException.class)
            .isThrownBy(() -> download.inputStream().readAllBytes());
      }
    }
  }

  private static OutputStream start(HttpExchange exchange, long length) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"f.bin\"");
    exchange.sendResponseHeaders(200, length < 0 ? 0 : length);
    return exchange.getResponseBody();
  }

  private static PortalApiClient client(HandlerServer server, Duration timeout) {
    return PortalApiClient.builder()
        .apiUrl(server.baseUrl())
        .tokenSource(TokenSource.of("download-token-1"))
        .timeout(timeout)
        .build();
  }
}
