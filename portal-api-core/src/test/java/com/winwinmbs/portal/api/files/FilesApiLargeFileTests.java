package com.winwinmbs.portal.api.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads and downloads a file eight times larger than the heap the dedicated test run gives the
 * JVM ({@code -Xmx64m}, surefire execution {@code large-files}), against an in-process server that
 * streams and checksums without buffering: a client that held the file in memory would fail with an
 * {@link OutOfMemoryError}.
 */
@Tag("large")
class FilesApiLargeFileTests {

  private static final long SIZE = 512L * 1024 * 1024;
  private static final int CHUNK = 64 * 1024;
  private static final long SEED = 0x5EED_F11EL;
  private static final Pattern BOUNDARY = Pattern.compile("boundary=(\\S+)$");

  @TempDir Path temp;

  private HttpServer server;
  private ExecutorService executor;
  private PortalApiClient portal;
  private volatile Received received;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server.createContext("/files/upload", this::upload);
    server.createContext("/files/big-1/download", FilesApiLargeFileTests::download);
    server.start();
    portal =
        PortalApiClient.builder()
            .apiUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .tokenSource(TokenSource.of("large-file-token"))
            .timeout(Duration.ofMinutes(2))
            .build();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void heapIsFarSmallerThanTheFile() {
    // Guards the point of this class: it must run in the -Xmx64m execution.
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(SIZE / 4);
  }

  @Test
  void uploadFromPathStreamsAFileLargerThanTheHeapWithExactLength() throws Exception {
    Path source = temp.resolve("large.bin");
    String expected = writePseudoRandom(source);

    FileInfo info = portal.files().upload(source, FileUploadRequest.category("backup"));
    Files.delete(source);

    assertThat(info.id()).isEqualTo("big-1");
    assertThat(received.bytes).isEqualTo(SIZE);
    assertThat(received.sha256).isEqualTo(expected);
    assertThat(received.category).isEqualTo("backup");
    assertThat(received.contentLength).isNotNull();
    assertThat(Long.parseLong(received.contentLength)).isGreaterThan(SIZE);
    assertThat(received.transferEncoding).isNull();
  }

  @Test
  void uploadFromStreamOfUnknownLengthStreamsChunked() throws Exception {
    Path source = temp.resolve("large.bin");
    String expected = writePseudoRandom(source);

    try (InputStream in = Files.newInputStream(source)) {
      portal
          .files()
          .upload(
              in,
              "large.bin",
              "application/octet-stream",
              -1,
              FileUploadRequest.category("backup"));
    }
    Files.delete(source);

    assertThat(received.bytes).isEqualTo(SIZE);
    assertThat(received.sha256).isEqualTo(expected);
    assertThat(received.transferEncoding).isEqualToIgnoringCase("chunked");
    assertThat(received.contentLength).isNull();
  }

  @Test
  void downloadToPathStreamsAFileLargerThanTheHeap() throws Exception {
    Path target = temp.resolve("downloaded.bin");

    DownloadSummary summary = portal.files().download("big-1", target);

    assertThat(summary.bytes()).isEqualTo(SIZE);
    assertThat(summary.fileName()).isEqualTo("large.bin");
    assertThat(Files.size(target)).isEqualTo(SIZE);
    assertThat(sha256(target)).isEqualTo(expectedDigest());
    Files.delete(target);
  }

  @Test
  void downloadAsStreamReadsAFileLargerThanTheHeap() throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    long count;
    try (FileDownload download = portal.files().download("big-1");
        DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      assertThat(download.contentLength()).isEqualTo(SIZE);
      count = download.inputStream().transferTo(out);
    }
    assertThat(count).isEqualTo(SIZE);
    assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(expectedDigest());
  }

  /** Writes SIZE pseudo-random bytes in chunks and returns their SHA-256. */
  private static String writePseudoRandom(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    SplittableRandom random = new SplittableRandom(SEED);
    byte[] chunk = new byte[CHUNK];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < SIZE; written += CHUNK) {
        random.nextBytes(chunk);
        digest.update(chunk);
        out.write(chunk);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String expectedDigest() throws NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    SplittableRandom random = new SplittableRandom(SEED);
    byte[] chunk = new byte[CHUNK];
    for (long done = 0; done < SIZE; done += CHUNK) {
      random.nextBytes(chunk);
      digest.update(chunk);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] chunk = new byte[CHUNK];
    try (InputStream in = Files.newInputStream(file)) {
      int read;
      while ((read = in.read(chunk)) != -1) {
        digest.update(chunk, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Generates the download on the fly: nothing is read from disk or buffered. */
  private static void download(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
      exchange
          .getResponseHeaders()
          .add("Content-Disposition", "attachment; filename=\"large.bin\"");
      exchange.sendResponseHeaders(200, SIZE);
      SplittableRandom random = new SplittableRandom(SEED);
      byte[] chunk = new byte[CHUNK];
      try (OutputStream out = exchange.getResponseBody()) {
        for (long sent = 0; sent < SIZE; sent += CHUNK) {
          random.nextBytes(chunk);
          out.write(chunk);
        }
      }
    }
  }

  /**
   * Reads the multipart body as it arrives: the small parts before the file are kept, the file's
   * bytes are only counted and digested, holding back the closing boundary's length so it is not
   * taken for content.
   */
  private void upload(HttpExchange exchange) throws IOException {
    try (exchange) {
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      Matcher matcher = BOUNDARY.matcher(contentType);
      if (!matcher.find()) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      byte[] tail = ("\r\n--" + matcher.group(1) + "--\r\n").getBytes(StandardCharsets.US_ASCII);
      InputStream in = exchange.getRequestBody();
      String head = readHead(in);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[CHUNK + tail.length];
      int pending =
          0; // bytes at the start of buffer not yet digested (at most tail.length once settled)
      long count = 0;
      int read;
      while ((read = in.read(buffer, pending, CHUNK)) != -1) {
        int available = pending + read;
        int settled = Math.max(0, available - tail.length);
        digest.update(buffer, 0, settled);
        count += settled;
        System.arraycopy(buffer, settled, buffer, 0, available - settled);
        pending = available - settled;
      }
      boolean tailOk = Arrays.equals(Arrays.copyOf(buffer, pending), tail);
      Matcher category = Pattern.compile("name=\"category\"\r\n\r\n([^\r]*)\r\n").matcher(head);
      received =
          new Received(
              count,
              tailOk ? HexFormat.of().formatHex(digest.digest()) : "bad tail",
              category.find() ? category.group(1) : null,
              exchange.getRequestHeaders().getFirst("Content-Length"),
              exchange.getRequestHeaders().getFirst("Transfer-Encoding"));
      byte[] json =
          ("{\"success\":true,\"data\":{\"id\":\"big-1\",\"size\":" + count + "}}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, json.length);
      exchange.getResponseBody().write(json);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads up to the blank line that ends the file part's headers. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      String text = head.toString(StandardCharsets.UTF_8);
      int file = text.indexOf("name=\"file\"");
      if (file >= 0
          && text.endsWith("\r\n\r\n")
          && text.indexOf("\r\n\r\n", file) == text.length() - 4) {
        return text;
      }
      if (head.size() > 64 * 1024) {
        throw new IOException("no file part within the first 64 KiB");
      }
    }
    throw new IOException("the body ended before the file part");
  }

  private record Received(
      long bytes, String sha256, String category, String contentLength, String transferEncoding) {}
}
