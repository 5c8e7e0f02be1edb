package com.winwinmbs.portal.api.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback that runs a test's own handler for every request: for answers
 * written over time (dripped, stalled, endless), which a stub server cannot write. Counts the
 * requests and keeps what a handler's writing failed with (a client that hung up).
 */
public final class HandlerServer implements AutoCloseable {

  /** Writes one answer; may block, sleep or write for as long as the test needs. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();

  private HandlerServer(HttpServer server) {
    this.server = server;
  }

  /** A started server on a free loopback port. */
  public static HandlerServer start(Handler handler) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      HandlerServer server = new HandlerServer(http);
      http.createContext(
          "/",
          exchange -> {
            server.requests.incrementAndGet();
            try (exchange) {
              exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
              handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
              server.failures.add(e);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      http.setExecutor(server.executor);
      http.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:port}. */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** The requests received so far. */
  public int requests() {
    return requests.get();
  }

  /** What handlers' writing failed with so far (an I/O failure when the client hung up). */
  public List<Throwable> failures() {
    return List.copyOf(failures);
  }

  /** Sends status and JSON headers for a body written afterwards, chunked. */
  public static OutputStream chunkedJson(HttpExchange exchange, int status) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, 0);
    return exchange.getResponseBody();
  }

  /** Writes text as UTF-8 and flushes it onto the wire. */
  public static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
