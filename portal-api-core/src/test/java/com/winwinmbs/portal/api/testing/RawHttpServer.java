package com.winwinmbs.portal.api.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP server that reads each HTTP/1.1 request (head and {@code Content-Length} body) and
 * then runs the script set last on the connection's output, byte for byte, before closing the
 * connection: for answers no HTTP server library would send (bytes a header may not hold, nothing
 * at all, half a body). One request per connection; every request is recorded before its script
 * runs, so a client that sees the answer (or the close) sees the request counted.
 */
public final class RawHttpServer implements AutoCloseable {

  /** What the server does once a request has been read; returning closes the connection. */
  @FunctionalInterface
  public interface Script {
    void answer(OutputStream out) throws IOException, InterruptedException;
  }

  /** A request as it arrived: its request line, for example {@code GET /users/usr_1 HTTP/1.1}. */
  public record Received(String requestLine) {

    /** The request's method. */
    public String method() {
      return requestLine.substring(0, requestLine.indexOf(' '));
    }
  }

  private final ServerSocket socket;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Thread> connections = new CopyOnWriteArrayList<>();
  private volatile Script script = out -> {};

  private RawHttpServer(ServerSocket socket) {
    this.socket = socket;
  }

  /** A started server on a free loopback port; until told otherwise it closes unanswered. */
  public static RawHttpServer start() {
    try {
      RawHttpServer server =
          new RawHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
      Thread acceptor = new Thread(server::accept, "raw-http-server");
      acceptor.setDaemon(true);
      acceptor.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of an answer written as ISO-8859-1: one byte per character. */
  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code http://127.0.0.1:port}. */
  public String baseUrl() {
    return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  /** Runs this script for every following request and forgets what was received. */
  public void script(Script next) {
    this.script = next;
    received.clear();
  }

  /** Answers every following request with these bytes and forgets what was received. */
  public void answer(byte[] raw) {
    script(
        out -> {
          out.write(raw);
          out.flush();
        });
  }

  /** The requests received since the last script was set. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread thread = new Thread(() -> serve(connection), "raw-http-connection");
        thread.setDaemon(true);
        connections.add(thread);
        thread.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      connection.setSoTimeout(10_000);
      InputStream in = connection.getInputStream();
      String head = readHead(in);
      if (head == null) {
        return; // the client closed a connection it did not use
      }
      in.readNBytes(contentLength(head));
      received.add(new Received(head.substring(0, head.indexOf("\r\n"))));
      OutputStream out = connection.getOutputStream();
      script.answer(out);
      out.flush();
    } catch (IOException | InterruptedException e) {
      // the client went away, or the server is closing: nothing to answer
    } finally {
      connections.remove(Thread.currentThread());
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while (matched < 4 && (b = in.read()) != -1) {
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return matched == 4 ? head.toString(StandardCharsets.ISO_8859_1) : null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    connections.forEach(Thread::interrupt);
  }
}
