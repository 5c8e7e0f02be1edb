package com.winwinmbs.portal.api.internal.namespaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookieJarTests {

  static final URI LOGIN = URI.create("https://api.colaflow.com/api/auth/login");
  static final URI REFRESH = URI.create("https://api.colaflow.com/api/auth/refresh");
  static final Instant NOW = Instant.parse("2025-11-03T10:00:00Z");

  /** A clock whose time the test moves. */
  static final class MovableClock extends Clock {
    Instant now = NOW;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void setCookieAttributesAreReadAndTheValueIsSentBackAsIs() {
    CookieJar jar = new CookieJar(Clock.fixed(NOW, ZoneOffset.UTC));

    jar.store(
        LOGIN,
        List.of(
            "refreshToken=abc.def=; Path=/api/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=604800"));

    assertThat(jar.header(REFRESH)).contains("refreshToken=abc.def=");
    assertThat(jar.names()).containsExactly("refreshToken");
  }

  @Test
  void maxAgeZeroDeletesTheCookie() {
    CookieJar jar = new CookieJar(Clock.fixed(NOW, ZoneOffset.UTC));
    jar.store(LOGIN, List.of("refreshToken=abc; Path=/api/auth"));

    jar.store(REFRESH, List.of("refreshToken=; Path=/api/auth; Max-Age=0"));

    assertThat(jar.header(REFRESH)).isEmpty();
    assertThat(jar.names()).isEmpty();
  }

  @Test
  void aPastExpiresDeletesTheCookieAndMaxAgeWinsOverExpires() {
    CookieJar jar = new CookieJar(Clock.fixed(NOW, ZoneOffset.UTC));
    jar.store(LOGIN, List.of("a=1; Path=/", "b=2; Path=/"));

    jar.store(
        LOGIN,
        List.of(
            "a=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
            "b=3; Path=/; Expires=Thu, 01-Jan-1970 00:00:00 GMT; Max-Age=60"));

    assertThat(jar.header(REFRESH)).contains("b=3");
  }

  @Test
  void aCookieIsDroppedWhenItExpires() {
    MovableClock clock = new MovableClock();
    CookieJar jar = new CookieJar(clock);
    jar.store(LOGIN, List.of("refreshToken=abc; Path=/; Max-Age=60", "session=s; Path=/"));

    clock.now = NOW.plus(Duration.ofSeconds(61));

    assertThat(jar.header(REFRESH)).contains("session=s");
  }

  @Test
  void pathDomainAndSecureDecideWhereACookieGoes() {
    CookieJar jar = new CookieJar(Clock.fixed(NOW, ZoneOffset.UTC));
    jar.store(
        LOGIN,
        List.of(
            "onlyRefresh=1; Path=/api/auth/refresh",
            "defaultPath=2",
            "wide=3; Domain=.colaflow.com; Path=/",
            "foreign=4; Domain=example.com; Path=/",
            "secure=5; Path=/; Secure"));

    assertThat(jar.header(REFRESH)).contains("onlyRefresh=1; defaultPath=2; wide=3; secure=5");
    assertThat(jar.header(URI.create("https://api.colaflow.com/api/auth/refreshed")))
        .contains("defaultPath=2; wide=3; secure=5");
    assertThat(jar.header(URI.create("https://app.colaflow.com/x"))).contains("wide=3");
    assertThat(jar.header(URI.create("http://api.colaflow.com/api/auth/logout")))
        .contains("defaultPath=2; wide=3");
    assertThat(jar.names()).doesNotContain("foreign");
  }

  @Test
  void secureCookiesGoToLoopbackOverPlainHttp() {
    CookieJar jar = new CookieJar(Clock.fixed(NOW, ZoneOffset.UTC));
    jar.store(
        URI.create("http://localhost:5000/api/auth/login"),
        List.of("refreshToken=abc; Path=/api/auth; Secure"));

    assertThat(jar.header(URI.create("http://localhost:5000/api/auth/refresh")))
        .contains("refreshToken=abc");
  }

  @Test
  void malformedHeadersAreIgnoredAndToStringShowsNamesOnly() {
    CookieJar jar = new CookieJar(Clock.fixed(NOW, ZoneOffset.UTC));

    jar.store(
        LOGIN,
        List.of(
            "no-equals-sign", "=nameless", "ok=s3cr3t-value; Expires=not a date; Max-Age=soon"));

    assertThat(jar.names()).containsExactly("ok");
    assertThat(jar.toString()).contains("ok").doesNotContain("s3cr3t-value");
    assertThat(CookieJar.parse("ok=s3cr3t-value", LOGIN, NOW).toString())
        .doesNotContain("s3cr3t-value");
  }

  @Test
  void clearForgetsEveryCookie() {
    CookieJar jar = new CookieJar(Clock.fixed(NOW, ZoneOffset.UTC));
    jar.store(LOGIN, List.of("a=1; Path=/"));

    jar.clear();

    assertThat(jar.header(REFRESH)).isEmpty();
  }
}
