package com.winwinmbs.portal.api.internal.namespaces;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.auth.SessionTokenSource;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.LogCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session's cookie jar is bounded as browsers bound theirs (RFC 6265 §6.1): 4,096 bytes per
 * cookie, 50 cookies per domain, 150 in all; what does not fit, and what a {@code Cookie} header
 * could not carry back as received, is dropped with a DEBUG line naming the cookie, never its
 * value, so the {@code Cookie} header the client sends back stays bounded. Over real HTTP: the
 * JDK's HttpServer (WireMock's Jetty refuses to send response headers this large) answers the login
 * with the cookies and records the {@code Cookie} header of the refresh.
 */
class CookieJarLimitTests {

  private static final String REFRESH_COOKIE = "refreshToken=rt-Kp7; Path=/api/auth; HttpOnly";

  private HttpServer server;
  private volatile List<String> loginCookies = List.of();
  private final List<String> refreshCookieHeaders = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext(
        "/api/auth/login",
        exchange -> {
          loginCookies.forEach(value -> exchange.getResponseHeaders().add("Set-Cookie", value));
          answer(exchange, Fixtures.read("auth/login.json"));
        });
    server.createContext(
        "/api/auth/refresh",
        exchange -> {
          refreshCookieHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
          answer(exchange, Fixtures.read("auth/refresh.json"));
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private PortalApiClient portal() {
    return PortalApiClient.builder()
        .apiUrl("http://localhost:" + server.getAddress().getPort() + "/api")
        .build();
  }

  private void answerLoginWith(List<String> setCookies) {
    loginCookies = List.copyOf(setCookies);
  }

  private String cookieSentWithTheRefresh() {
    assertThat(refreshCookieHeaders).hasSize(1);
    return refreshCookieHeaders.get(0);
  }

  @Test
  void fiveThousandSetCookieHeadersKeepTheFirstFiftyAndTheRefreshCookie() {
    List<String> setCookies = new ArrayList<>();
    setCookies.add(REFRESH_COOKIE);
    for (int i = 0; i < 5000; i++) {
      setCookies.add("flood" + i + "=v-Hq" + i + "; Path=/");
    }
    answerLoginWith(setCookies);
    PortalApiClient portal = portal();
    SessionTokenSource session;

    List<ILoggingEvent> events;
    try (LogCapture logs = LogCapture.start()) {
      session = portal.auth().login("admin@acme.com", "SecurePassword123!", true);
      portal.auth().refresh(session);
      events = logs.events();
    }

    assertThat(session.cookieNames()).hasSize(50).contains("refreshToken", "flood0", "flood48");
    assertThat(session.cookieNames()).doesNotContain("flood49", "flood4999");
    String cookie = cookieSentWithTheRefresh();
    assertThat(cookie.split("; ")).hasSize(50).contains("refreshToken=rt-Kp7", "flood48=v-Hq48");
    assertThat(cookie.length()).isLessThan(50 * 20);
    List<String> dropped =
        events.stream()
            .filter(event -> event.getLevel() == Level.DEBUG)
            .map(ILoggingEvent::getFormattedMessage)
            .filter(message -> message.startsWith("Dropped cookie"))
            .toList();
    assertThat(dropped).hasSize(4951);
    assertThat(dropped.get(0))
        .isEqualTo(
            "Dropped cookie 'flood49' set by localhost: the jar holds 50 cookies for localhost"
                + " already");
    assertThat(String.join("\n", dropped)).doesNotContain("v-Hq");
  }

  @Test
  void aCookieOfTwoHundredKilobytesIsDroppedAndNeverSentBack() {
    String huge = "big=" + "x".repeat(200 * 1024) + "; Path=/";
    String justFits = "fits=" + "y".repeat(4096 - "fits=; Path=/".length()) + "; Path=/";
    String oneByteOver = "over=" + "z".repeat(4097 - "over=; Path=/".length()) + "; Path=/";
    answerLoginWith(List.of(REFRESH_COOKIE, huge, justFits, oneByteOver));
    PortalApiClient portal = portal();
    SessionTokenSource session;

    String logText;
    try (LogCapture logs = LogCapture.start()) {
      session = portal.auth().login("admin@acme.com", "SecurePassword123!", true);
      portal.auth().refresh(session);
      logText = logs.text();
    }

    assertThat(session.cookieNames()).containsExactlyInAnyOrder("refreshToken", "fits");
    String cookie = cookieSentWithTheRefresh();
    assertThat(cookie).contains("refreshToken=rt-Kp7").contains("fits=yyy").doesNotContain("xxx");
    assertThat(cookie).doesNotContain("zzz");
    assertThat(logText)
        .contains("Dropped cookie 'big' set by localhost: larger than 4096 bytes")
        .contains("Dropped cookie 'over' set by localhost: larger than 4096 bytes")
        .doesNotContain("xxxx", "zzzz");
  }

  @Test
  void aCookieTheCookieHeaderCouldNotCarryBackIsDropped() {
    // é arrives as the Latin-1 character the JDK decoded; the header would send it as '?'
    answerLoginWith(List.of(REFRESH_COOKIE, "lang=caf\u00e9; Path=/", "ok=plain; Path=/"));
    PortalApiClient portal = portal();
    SessionTokenSource session;

    String logText;
    try (LogCapture logs = LogCapture.start()) {
      session = portal.auth().login("admin@acme.com", "SecurePassword123!", true);
      portal.auth().refresh(session);
      logText = logs.text();
    }

    assertThat(session.cookieNames()).containsExactlyInAnyOrder("refreshToken", "ok");
    assertThat(cookieSentWithTheRefresh()).contains("refreshToken=rt-Kp7").contains("ok=plain");
    assertThat(logText).contains("Dropped cookie 'lang'").doesNotContain("caf");
  }

  @Test
  void eachDomainHoldsFiftyAndTheJarOneHundredAndFiftyInAll() {
    CookieJar jar =
        new CookieJar(Clock.fixed(Instant.parse("2025-11-03T10:00:00Z"), ZoneOffset.UTC));
    URI deep = URI.create("https://a.b.c.example.com/");
    for (String domain : List.of("", "b.c.example.com", "c.example.com", "example.com")) {
      List<String> setCookies = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        setCookies.add(
            "c" + i + "_" + domain + "=1; Path=/" + (domain.isEmpty() ? "" : "; Domain=" + domain));
      }
      jar.store(deep, setCookies);
    }

    List<String> sent = Arrays.asList(jar.header(deep).orElseThrow().split("; "));
    assertThat(sent).hasSize(150);
    assertThat(sent.stream().filter(c -> c.endsWith("_=1"))).hasSize(50); // host-only
    assertThat(sent.stream().filter(c -> c.contains("_b.c.example.com="))).hasSize(50);
    assertThat(sent.stream().filter(c -> c.contains("_c.example.com="))).hasSize(50);
    assertThat(sent.stream().filter(c -> c.contains("_example.com="))).isEmpty();

    // a cookie already held is still replaced and deleted when the jar is full
    jar.store(deep, List.of("c0_=2; Path=/", "c1_=; Path=/; Max-Age=0"));
    assertThat(jar.header(deep).orElseThrow()).contains("c0_=2").doesNotContain("c1_=");
    jar.store(deep, List.of("c0_example.com=1; Path=/; Domain=example.com"));
    assertThat(jar.header(deep).orElseThrow()).contains("c0_example.com=1");
  }
}
