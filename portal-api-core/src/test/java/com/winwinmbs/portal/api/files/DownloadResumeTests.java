package com.winwinmbs.portal.api.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.HttpExchange;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.testing.HandlerServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads into a file or a stream survive a broken transfer: the rest is asked for with {@code
 * Range}/{@code If-Range} where the portal offers ranges and a validator, the whole file again
 * where it does not; the result is complete and checked by length. A transfer is bounded by idle
 * time, not by its length.
 */
class DownloadResumeTests {

  private static final byte[] FILE = content(2 * 1024 * 1024, 7);
  private static final byte[] CHANGED = content(FILE.length, 11);
  private static final int BREAK_AT = 700 * 1024;

  @TempDir Path temp;

  /** What each request asked for: its Range and If-Range headers. */
  private final List<String> asked = new CopyOnWriteArrayList<>();

  @Test
  @Timeout(30)
  void aBrokenTransferResumesWithARangeWhenThePortalOffersRangesAndAnETag() throws IOException {
    try (HandlerServer server =
        HandlerServer.start(exchange -> serve(exchange, "\"v1\"", true, FILE))) {
      Path target = temp.resolve("copy.bin");

      DownloadSummary summary = client(server).files().download("fil_1", target);

      assertThat(Files.readAllBytes(target)).isEqualTo(FILE);
      assertThat(summary.bytes()).isEqualTo(FILE.length);
      assertThat(summary.fileName()).isEqualTo("report.bin");
      assertThat(asked)
          .containsExactly(
              "range=null if-range=null", "range=bytes=" + BREAK_AT + "- if-range=\"v1\"");
      assertThat(temp.toFile().list()).containsExactly("copy.bin");
    }
  }

  @Test
  @Timeout(30)
  void aStreamIsResumedToo() {
    try (HandlerServer server =
        HandlerServer.start(exchange -> serve(exchange, "\"v1\"", true, FILE))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      client(server).files().download("fil_1", out);

      assertThat(out.toByteArray()).isEqualTo(FILE);
      assertThat(asked).hasSize(2);
    }
  }

  @Test
  @Timeout(30)
  void withoutRangesAFileIsDownloadedAgainFromTheFirstByte() throws IOException {
    try (HandlerServer server =
        HandlerServer.start(exchange -> serve(exchange, null, false, FILE))) {
      Path target = temp.resolve("copy.bin");

      client(server).files().download("fil_1", target);

      assertThat(Files.readAllBytes(target)).isEqualTo(FILE);
      assertThat(asked).containsExactly("range=null if-range=null", "range=null if-range=null");
    }
  }

  @Test
  @Timeout(30)
  void aWeakETagIsNoValidatorForIfRange() throws IOException {
    try (HandlerServer server =
        HandlerServer.start(exchange -> serve(exchange, "W/\"v1\"", true, FILE))) {
      Path target = temp.resolve("copy.bin");

      client(server).files().download("fil_1", target);

      assertThat(Files.readAllBytes(target)).isEqualTo(FILE);
      assertThat(asked).containsExactly("range=null if-range=null", "range=null if-range=null");
    }
  }

  @Test
  @Timeout(30)
  void withoutRangesAStreamAlreadyWrittenIsNotRestartedAndTheFailureSaysWhy() {
    try (HandlerServer server =
        HandlerServer.start(exchange -> serve(exchange, null, false, FILE))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      assertThatExceptionOfType(TransportException.class)
          .isThrownBy(() -> client(server).files().download("fil_1", out))
          .withMessageContaining("not resumed: the portal offers no byte ranges for this file");
      assertThat(asked).hasSize(1);
    }
  }

  @Test
  @Timeout(30)
  void aFileThatChangedBetweenTheAttemptsIsTakenWholeFromItsNewVersion() throws IOException {
    AtomicInteger version = new AtomicInteger();
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              // the first answer is v1 and breaks; by the second, the file is v2: If-Range fails
              boolean first = version.getAndIncrement() == 0;
              serve(exchange, first ? "\"v1\"" : "\"v2\"", true, first ? FILE : CHANGED);
            })) {
      Path target = temp.resolve("copy.bin");

      client(server).files().download("fil_1", target);

      assertThat(Files.readAllBytes(target)).isEqualTo(CHANGED);
      assertThat(asked).hasSize(2);
    }
  }

  @Test
  @Timeout(30)
  void aStreamCannotTakeTheNewVersionAfterTheOldOnesBytes() {
    AtomicInteger version = new AtomicInteger();
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              boolean first = version.getAndIncrement() == 0;
              serve(exchange, first ? "\"v1\"" : "\"v2\"", true, first ? FILE : CHANGED);
            })) {
      assertThatExceptionOfType(IllegalStateException.class)
          .isThrownBy(() -> client(server).files().download("fil_1", new ByteArrayOutputStream()))
          .withMessageContaining("the file changed while it was downloaded");
    }
  }

  @Test
  @Timeout(30)
  void aHealthyTransferLongerThanTheTimeoutCompletes() throws IOException {
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              OutputStream out = headers(exchange, 200, FILE.length, null, false);
              for (int offset = 0; offset < FILE.length; offset += 128 * 1024) {
                out.write(FILE, offset, Math.min(128 * 1024, FILE.length - offset));
                out.flush();
                Thread.sleep(100); // 16 chunks: 1.6 s in all, a chunk every 100 ms
              }
              out.close();
            })) {
      Path target = temp.resolve("copy.bin");

      client(server, Duration.ofMillis(600)).files().download("fil_1", target);

      assertThat(Files.readAllBytes(target)).isEqualTo(FILE);
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  /**
   * Answers a download: the whole file (it breaks after {@link #BREAK_AT} bytes on the first
   * request), or, for a range request whose If-Range matches, the rest from the asked byte on.
   */
  private void serve(HttpExchange exchange, @Nullable String etag, boolean ranges, byte[] file)
      throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
    asked.add("range=" + range + " if-range=" + ifRange);
    boolean first = asked.size() == 1;
    if (ranges && range != null && etag != null && etag.equals(ifRange)) {
      int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
      exchange
          .getResponseHeaders()
          .set("Content-Range", "bytes " + from + "-" + (file.length - 1) + "/" + file.length);
      OutputStream out = headers(exchange, 206, file.length - from, etag, true);
      out.write(file, from, file.length - from);
      out.close();
      return;
    }
    OutputStream out = headers(exchange, 200, file.length, etag, ranges);
    if (first) {
      out.write(file, 0, BREAK_AT);
      out.flush();
      throw new IOException("the file store went away"); // the connection is closed mid-body
    }
    out.write(file);
    out.close();
  }

  private static OutputStream headers(
      HttpExchange exchange, int status, long length, @Nullable String etag, boolean ranges)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"report.bin\"");
    if (etag != null) {
      exchange.getResponseHeaders().set("ETag", etag);
    }
    if (ranges) {
      exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
    }
    exchange.sendResponseHeaders(status, length);
    return exchange.getResponseBody();
  }

  private static PortalApiClient client(HandlerServer server) {
    return client(server, Duration.ofSeconds(5));
  }

  private static PortalApiClient client(HandlerServer server, Duration timeout) {
    return PortalApiClient.builder()
        .apiUrl(server.baseUrl())
        .tokenSource(TokenSource.of("download-token-2"))
        .timeout(timeout)
        .sleeper(duration -> {})
        .build();
  }

  private static byte[] content(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
