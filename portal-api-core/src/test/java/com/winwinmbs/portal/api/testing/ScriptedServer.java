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
 *
 * <p>A header value goes on the wire as its ISO-8859-1 bytes, or as its UTF-8 bytes when it holds a
 * character above U+00FF (as a server writing UTF-8 would send it). The JDK's own server, left to
 * itself, differs by release: 17 writes the low byte of each such character, 25 refuses the value
 * and closes the connection without answering (see {@code JdkHttpClientBehaviourTests}); encoding
 * here keeps every JDK on the same bytes.
 */
public final class ScriptedServer implements AutoCloseable {

  /** One response: status, headers in order (a name may repeat) and body bytes. */
  public record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /** Not an answer: the server reads the request, then closes the connection unanswered. */
    public static Response closeWithoutAnswer() {
      return new Response(0, List.of(), new byte[0]);
    }

    /** Whether this is {@link #closeWithoutAnswer()}. */
    public boolean closesWithoutAnswer() {
      return status == 0;
    }

    public static Response of(int status, String contentType, String body) {
      return new Response(
          status,
          List.of(Map.entry("Content-Type", contentType)),
          body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      if (closesWithoutAnswer()) {
        return "Response[closes the connection without answering]";
      }
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
      if (answer.closesWithoutAnswer()) {
        return; // closing an exchange that sent no headers closes its connection
      }
      answer
          .headers()
          .forEach(h -> exchange.getResponseHeaders().add(h.getKey(), onTheWire(h.getValue())));
      // one request per connection: a client that pooled a connection the server is closing would
      // lose its next request (the JDK resends only a GET), making counts depend on timing
      exchange.getResponseHeaders().set("Connection", "close");
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

  /**
   * The value as the JDK's server writes it, one byte per character: unchanged when every character
   * fits in a byte, else its UTF-8 bytes.
   */
  private static String onTheWire(String value) {
    if (value.chars().allMatch(c -> c <= 0xff)) {
      return value;
    }
    return new String(
        value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
