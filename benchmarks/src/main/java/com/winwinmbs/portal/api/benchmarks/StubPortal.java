package com.winwinmbs.portal.api.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback portal that answers from fixed bytes: the JDK's own HTTP server with a small thread
 * pool, so every client under test talks to the same cheap handler and none of them pays for a
 * framework on the server side.
 *
 * <p>Routes: {@code GET /users/{id}} (the 1 KB user), {@code POST /users/search} (100 users of
 * about 600 bytes each; the page number is read from the body, the page count is {@code
 * totalPages}), {@code POST /files/upload} (reads and discards the body), {@code GET
 * /files/{id}/download} ({@code downloadBytes} bytes), {@code POST /oauth/token} (counted, answered
 * after {@code tokenDelay}).
 */
public final class StubPortal implements AutoCloseable {

  static final int ITEMS_PER_PAGE = 100;

  static final byte[] USER = Payloads.user();
  static final byte[] SEARCH_PREFIX = Payloads.searchPrefix(ITEMS_PER_PAGE);
  static final byte[] FILE_INFO = Payloads.fileInfo();

  private static final byte[] PAGE_MARKER = "\"page\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DOWNLOAD_CHUNK = new byte[64 * 1024];

  /** One read buffer per server thread: the server's allocation is counted with the client's. */
  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[64 * 1024]);

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Thread> serverThreads = new ArrayList<>();
  private final int totalPages;
  private final long downloadBytes;
  private final Duration tokenDelay;
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong uploadedBytes = new AtomicLong();

  private StubPortal(int threads, int totalPages, long downloadBytes, Duration tokenDelay)
      throws IOException {
    // Without it the JDK server leaves Nagle's algorithm on, and small answers wait for the ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // Several clients at 64 threads keep more idle connections open to this one server than the
    // JDK server's default of 200: it then closes each connection as it goes idle, and the next
    // request on it fails ("header parser received no bytes"). Every client keeps its pool.
    if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
      System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
    }
    this.totalPages = totalPages;
    this.downloadBytes = downloadBytes;
    this.tokenDelay = tokenDelay;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "stub-portal-" + n.incrementAndGet());
          thread.setDaemon(true);
          synchronized (serverThreads) {
            serverThreads.add(thread);
          }
          return thread;
        };
    this.executor = Executors.newFixedThreadPool(threads, factory);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A stub whose search route answers {@code totalPages} pages; downloads are 1 GiB. */
  public static StubPortal start(int threads, int totalPages) throws IOException {
    return new StubPortal(threads, totalPages, 1L << 30, Duration.ofMillis(50));
  }

  /** The base URL, for example {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many token requests arrived. */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  /** How many requests arrived. */
  public long requests() {
    return requests.get();
  }

  /** Bytes the upload route read. */
  public long uploadedBytes() {
    return uploadedBytes.get();
  }

  /**
   * Bytes allocated so far by the server's handler threads and its dispatcher, so the server's
   * share of a benchmark's allocation can be subtracted.
   */
  public long serverAllocatedBytes() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long total = 0;
    List<Thread> all = new ArrayList<>();
    synchronized (serverThreads) {
      all.addAll(serverThreads);
    }
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("HTTP-Dispatcher")) {
        all.add(thread);
      }
    }
    for (Thread thread : all) {
      @SuppressWarnings("deprecation") // getId(): threadId() is JDK 19+
      long id = thread.getId();
      long bytes = threads.getThreadAllocatedBytes(id);
      if (bytes > 0) {
        total += bytes;
      }
    }
    return total;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if ("GET".equals(method) && path.startsWith("/users/")) {
        drain(exchange.getRequestBody());
        send(exchange, USER);
      } else if ("POST".equals(method) && path.equals("/users/search")) {
        int page = pageOf(exchange.getRequestBody());
        byte[] suffix = Payloads.searchSuffix(page, ITEMS_PER_PAGE, totalPages);
        exchange.sendResponseHeaders(200, SEARCH_PREFIX.length + suffix.length);
        OutputStream out = exchange.getResponseBody();
        out.write(SEARCH_PREFIX);
        out.write(suffix);
      } else if ("POST".equals(method) && path.equals("/files/upload")) {
        uploadedBytes.addAndGet(drain(exchange.getRequestBody()));
        send(exchange, FILE_INFO);
      } else if ("GET".equals(method) && path.endsWith("/download")) {
        drain(exchange.getRequestBody());
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange
            .getResponseHeaders()
            .set("Content-Disposition", "attachment; filename=\"big.bin\"");
        exchange.sendResponseHeaders(200, downloadBytes);
        OutputStream out = exchange.getResponseBody();
        for (long left = downloadBytes; left > 0; left -= DOWNLOAD_CHUNK.length) {
          out.write(DOWNLOAD_CHUNK, 0, (int) Math.min(left, DOWNLOAD_CHUNK.length));
        }
      } else if ("POST".equals(method) && path.equals("/oauth/token")) {
        drain(exchange.getRequestBody());
        int n = tokenRequests.incrementAndGet();
        sleep(tokenDelay);
        send(
            exchange,
            ("{\"access_token\":\"token-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                .getBytes(StandardCharsets.UTF_8));
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private static void send(HttpExchange exchange, byte[] body) throws IOException {
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  private static long drain(InputStream in) throws IOException {
    byte[] buffer = BUFFER.get();
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
    }
    return total;
  }

  /** The number after {@code "page":} in the request body, or 1. */
  static int pageOf(InputStream in) throws IOException {
    byte[] body = BUFFER.get();
    int length = 0;
    for (int n; (n = in.read(body, length, body.length - length)) > 0; ) {
      length += n;
    }
    outer:
    for (int i = 0; i + PAGE_MARKER.length < length; i++) {
      for (int j = 0; j < PAGE_MARKER.length; j++) {
        if (body[i + j] != PAGE_MARKER[j]) {
          continue outer;
        }
      }
      int page = 0;
      for (int k = i + PAGE_MARKER.length; k < length && Character.isDigit(body[k]); k++) {
        page = page * 10 + (body[k] - '0');
      }
      return page == 0 ? 1 : page;
    }
    return 1;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new java.io.InterruptedIOException());
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
