package com.winwinmbs.portal.api.http;

import static com.winwinmbs.portal.api.testing.RawHttpServer.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.winwinmbs.portal.api.testing.RawHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledOnJre;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the JDK's own {@link HttpClient} (and its {@code HttpServer}, which the tests use as a
 * portal) does, with no portal client code in between: the facts README.md and docs/RELIABILITY.md
 * state per JDK. CI runs this class on JDK 17 and on JDK 25; a JDK that behaves otherwise fails it,
 * and the documents need updating with it. Tests marked for one release state that release's
 * behaviour; the others hold on both.
 */
@Timeout(30)
class JdkHttpClientBehaviourTests {

  private static final String SECRET = "rt_Jdk01-refresh-token";

  private final RawHttpServer server = RawHttpServer.start();
  private HttpClient client;

  @BeforeEach
  void buildClient() {
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  // ---- the GET resend --------------------------------------------------------------------------

  @Test
  void aGetWhoseConnectionClosesBeforeAnyByteOfTheAnswerIsSentTwiceByTheJdk() {
    server.script(out -> {});

    assertThatThrownBy(() -> send("GET", null, Duration.ofSeconds(10)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("received no bytes");
    assertThat(server.received())
        .extracting(RawHttpServer.Received::method)
        .containsExactly("GET", "GET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
  void aRequestOfAnotherMethodWhoseConnectionClosesBeforeAnyByteIsSentOnce(String method) {
    server.script(out -> {});

    assertThatThrownBy(() -> send(method, "{\"a\":1}", Duration.ofSeconds(10)))
        .isInstanceOf(IOException.class);
    assertThat(server.received())
        .extracting(RawHttpServer.Received::method)
        .containsExactly(method);
  }

  @Test
  void theJdksOwnResendWaitsAFullTimeoutOfItsOwn() throws Exception {
    // each connection is held 1.5 s, then closed unanswered; the request's timeout is 2.4 s
    server.script(out -> Thread.sleep(1_500));

    long started = System.nanoTime();
    assertThatThrownBy(() -> send("GET", null, Duration.ofMillis(2_400)))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(HttpTimeoutException.class);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(server.received()).hasSize(2);
    assertThat(millis)
        .as("two holds of 1.5 s, past the 2.4 s timeout")
        .isGreaterThanOrEqualTo(2_900);
  }

  // ---- header bytes ----------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(chars = {'\u0001', '\u001f', '\u007f', '\u0000'})
  void aHeaderValueWithAControlCharacterIsAProtocolErrorQuotingTheValueAndIsNotResent(char bad) {
    server.answer(
        bytes(
            "HTTP/1.1 200 OK\r\nSet-Cookie: refresh_token="
                + SECRET
                + bad
                + "; HttpOnly\r\nContent-Length: 2\r\n\r\n{}"));

    assertThatThrownBy(() -> send("GET", null, Duration.ofSeconds(10)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("Invalid header value \"Set-Cookie: refresh_token=")
        .hasMessageContaining(SECRET);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void controlCharactersAtEitherEndOfAHeaderValueAreTrimmedAwayUnseen() throws Exception {
    server.answer(
        bytes(
            "HTTP/1.1 200 OK\r\nX-Limit: \u0001\u001f10\u0000\u0008\r\nContent-Length: 2\r\n\r\n{}"));

    HttpResponse<String> response = send("GET", null, Duration.ofSeconds(10));

    assertThat(response.headers().firstValue("X-Limit")).contains("10");
  }

  @Test
  void aHeaderValueWithBytesAbove0x7fIsReadAsLatin1() throws Exception {
    server.answer(
        bytes("HTTP/1.1 200 OK\r\nX-Limit: caf\u00e9 \u00d9\u00a3\r\nContent-Length: 2\r\n\r\n{}"));

    HttpResponse<String> response = send("GET", null, Duration.ofSeconds(10));

    assertThat(response.headers().firstValue("X-Limit")).contains("caf\u00e9 \u00d9\u00a3");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void aMalformedStatusLineIsAProtocolErrorQuotingTheLine() {
    server.answer(bytes("Authorization: Bearer " + SECRET + "\r\n\r\n"));

    assertThatThrownBy(() -> send("GET", null, Duration.ofSeconds(10)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("Invalid status line")
        .hasMessageContaining(SECRET);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void aRequestHeaderValueTheJdkRefusesIsAnIllegalArgumentExceptionQuotingTheValue() {
    for (String token : List.of("tok\u20ac", "tok\u007f", "tok\u0001")) {
      assertThatThrownBy(
              () ->
                  HttpRequest.newBuilder(URI.create(server.baseUrl()))
                      .header("Authorization", "Bearer " + token))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(token);
    }
    HttpRequest latin1 =
        HttpRequest.newBuilder(URI.create(server.baseUrl()))
            .header("Authorization", "Bearer tok\u00e9")
            .build();
    assertThat(latin1.headers().firstValue("Authorization")).contains("Bearer tok\u00e9");
  }

  // ---- interrupts while reading a body ---------------------------------------------------------

  @Test
  @EnabledOnJre(JRE.JAVA_17)
  void onJava17AnInterruptDuringABodyReadIsSwallowedAndTheReadWaitsForTheBytes() throws Exception {
    HttpResponse<InputStream> response = halfABodyThenTheRestAfter(Duration.ofSeconds(2));

    long started = System.nanoTime();
    interruptThisThreadIn(Duration.ofMillis(300));
    byte[] body = response.body().readAllBytes();
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(body).hasSize(10);
    assertThat(millis).as("read until the rest arrived").isGreaterThanOrEqualTo(1_500);
    assertThat(Thread.interrupted()).as("interrupt flag").isFalse();
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_25)
  void onJava25AnInterruptDuringABodyReadEndsItWithTheFlagKept() throws Exception {
    HttpResponse<InputStream> response = halfABodyThenTheRestAfter(Duration.ofSeconds(5));

    long started = System.nanoTime();
    interruptThisThreadIn(Duration.ofMillis(300));
    InputStream body = response.body();
    assertThatThrownBy(body::readAllBytes)
        .isInstanceOf(IOException.class)
        .hasCauseInstanceOf(InterruptedException.class);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(millis).as("ended by the interrupt").isLessThan(3_000);
    assertThat(Thread.interrupted()).as("interrupt flag").isTrue();
  }

  // ---- the JDK's HttpServer, which stands in for the portal in the property tests ---------------

  @Test
  @EnabledOnJre(JRE.JAVA_17)
  void onJava17TheJdkServerWritesTheLowByteOfAHeaderCharacterAboveFf() throws Exception {
    try (JdkServer portal = new JdkServer("\u0663")) {
      HttpResponse<String> response = portal.get(client);

      assertThat(response.headers().firstValue("X-RateLimit-Limit")).contains("c");
      assertThat(portal.requests()).isEqualTo(1);
    }
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_25)
  void onJava25TheJdkServerClosesUnansweredOnAHeaderCharacterAboveFfAndTheGetIsResent()
      throws Exception {
    try (JdkServer portal = new JdkServer("\u0663")) {
      assertThatThrownBy(() -> portal.get(client))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("received no bytes");
      assertThat(portal.requests()).isEqualTo(2);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private HttpResponse<String> send(String method, String body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/users/usr_1"))
            .timeout(timeout)
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
            .build();
    return client.send(request, BodyHandlers.ofString());
  }

  private HttpResponse<InputStream> halfABodyThenTheRestAfter(Duration pause) throws Exception {
    server.script(
        out -> {
          out.write(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345"));
          out.flush();
          Thread.sleep(pause.toMillis());
          out.write(bytes("67890"));
        });
    return client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/files/fil_1")).build(),
        BodyHandlers.ofInputStream());
  }

  private static void interruptThisThreadIn(Duration delay) {
    Thread reader = Thread.currentThread();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.schedule(reader::interrupt, delay.toMillis(), TimeUnit.MILLISECONDS);
    timer.shutdown();
  }

  /** The JDK's HttpServer answering every request with one header value, as given. */
  private static final class JdkServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    JdkServer(String rateLimit) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              requests.incrementAndGet();
              exchange.getResponseHeaders().add("X-RateLimit-Limit", rateLimit);
              exchange.sendResponseHeaders(200, -1);
            }
          });
      server.start();
    }

    HttpResponse<String> get(HttpClient client) throws IOException, InterruptedException {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/users/usr_1");
      return client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
    }

    int requests() {
      return requests.get();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
