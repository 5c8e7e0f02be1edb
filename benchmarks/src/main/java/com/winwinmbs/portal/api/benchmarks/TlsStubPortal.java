package com.winwinmbs.portal.api.benchmarks;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

/**
 * The stub portal's two user routes over TLS, speaking HTTP/2 and HTTP/1.1 on one port (ALPN
 * picks): Reactor Netty, as the JDK's own server speaks neither HTTP/2 nor, cheaply, TLS. A
 * self-signed certificate for {@code localhost} is made with the JDK's {@code keytool} at start;
 * {@link #sslContext()} trusts it. Counts the requests per protocol, so a run can show which it
 * measured.
 */
final class TlsStubPortal implements AutoCloseable {

  private static final char[] PASSWORD = "bench-only".toCharArray();

  private final DisposableServer server;
  private final SSLContext clientContext;
  private final AtomicLong http2 = new AtomicLong();
  private final AtomicLong http11 = new AtomicLong();

  private TlsStubPortal(KeyStore keys) throws GeneralSecurityException {
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keys);
    this.clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, trust.getTrustManagers(), null);
    byte[] suffix = Payloads.searchSuffix(1, StubPortal.ITEMS_PER_PAGE, 1);
    this.server =
        HttpServer.create()
            .host("localhost")
            .port(0)
            .protocol(HttpProtocol.H2, HttpProtocol.HTTP11)
            .secure(spec -> spec.sslContext(Http2SslContextSpec.forServer(keyManagers)))
            .handle(
                (request, response) -> {
                  (request.version() == HttpVersion.HTTP_1_1 ? http11 : http2).incrementAndGet();
                  response.header("Content-Type", "application/json");
                  String path = request.uri();
                  if (request.method().name().equals("GET") && path.startsWith("/users/")) {
                    return response
                        .header("Content-Length", String.valueOf(StubPortal.USER.length))
                        .sendByteArray(Mono.just(StubPortal.USER))
                        .then();
                  }
                  if (request.method().name().equals("POST") && path.equals("/users/search")) {
                    return request
                        .receive()
                        .aggregate()
                        .then(
                            response
                                .header(
                                    "Content-Length",
                                    String.valueOf(StubPortal.SEARCH_PREFIX.length + suffix.length))
                                .sendByteArray(Mono.just(concat(StubPortal.SEARCH_PREFIX, suffix)))
                                .then());
                  }
                  return response.status(HttpResponseStatus.NOT_FOUND).send();
                })
            .bindNow();
  }

  /** A server on a free port of loopback. */
  static TlsStubPortal start() {
    try {
      return new TlsStubPortal(selfSigned());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code https://localhost:port}. */
  String baseUrl() {
    return "https://localhost:" + server.port();
  }

  /** Trusts this server's certificate, and nothing else. */
  SSLContext sslContext() {
    return clientContext;
  }

  /** Requests received over HTTP/2 and over HTTP/1.1 so far. */
  String protocols() {
    return "HTTP/2 " + http2.get() + ", HTTP/1.1 " + http11.get();
  }

  /** Bytes allocated so far by the server's event loop threads. */
  long serverAllocatedBytes() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("reactor-http")) {
        @SuppressWarnings("deprecation") // getId(): threadId() is JDK 19+
        long bytes = threads.getThreadAllocatedBytes(thread.getId());
        total += Math.max(bytes, 0);
      }
    }
    return total;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A PKCS12 key store with a self-signed RSA key for {@code localhost}, made by keytool. */
  private static KeyStore selfSigned() {
    try {
      File dir = Files.createTempDirectory("tls-stub").toFile();
      File file = new File(dir, "localhost.p12");
      String keytool = System.getProperty("java.home") + "/bin/keytool";
      Process process =
          new ProcessBuilder(
                  keytool,
                  "-genkeypair",
                  "-alias",
                  "localhost",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-validity",
                  "2",
                  "-dname",
                  "CN=localhost",
                  "-ext",
                  "SAN=dns:localhost,ip:127.0.0.1",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  file.getPath(),
                  "-storepass",
                  new String(PASSWORD))
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = new FileInputStream(file)) {
        keys.load(in, PASSWORD);
      }
      Files.delete(file.toPath());
      Files.delete(dir.toPath());
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.disposeNow();
  }
}
