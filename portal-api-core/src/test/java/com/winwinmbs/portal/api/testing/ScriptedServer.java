package com.winwinmbs.portal.api.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback that answers every request with the response set last, byte for
 * byte, and records what it received as raw text: fast enough to change the answer for each example
 * of a property.
 */
public final class ScriptedServer implements AutoCloseable {

  /** One response: status, headers in order (a name may repeat) and body bytes. */
  public record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    public static Response of(int status, String contentType, String body) {
      return new Response(
          status,
          List.of(Map.entry("Content-Type", contentType)),
          body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
      return "Response[status="
          + status
          + ", headers="
          + headers
          + ", body("
          + body.length
          + ")="
          + (text.length() > 300 ? text.substring(0, 300) + "…" : text)
          + "]";
    }
  }

  /** A request as it arrived: method, raw path and raw query (null when there was none). */
  public record Received(String method, String rawPath, String rawQuery) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Response response = Response.of(200, "application/json", "{}");

  private ScriptedServer(HttpServer server) {
    this.server = server;
  }

  /** A started server on a free loopback port. */
  public static ScriptedServer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ScriptedServer scripted = new ScriptedServer(server);
      server.createContext("/", scripted::handle);
      server.setExecutor(scripted.executor);
      server.start();
      return scripted;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:port}. */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** Answers every following request with this response and forgets what was received. */
  public void respond(Response next) {
    this.response = next;
    received.clear();
  }

  /** The requests received since the last {@link #respond(Response)}. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery()));
      Response answer = response;
      answer.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
      boolean noBody =
          answer.body().length == 0 || answer.status() == 204 || answer.status() == 304;
      exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
