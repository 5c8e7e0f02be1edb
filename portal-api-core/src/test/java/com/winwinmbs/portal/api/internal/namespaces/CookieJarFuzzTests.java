package com.winwinmbs.portal.api.internal.namespaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.winwinmbs.portal.api.testing.Fuzz;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property: any {@code Set-Cookie} text is stored or ignored, never a raw exception, and what the
 * jar sends back is a header a request can carry.
 */
class CookieJarFuzzTests {

  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

  @Test
  void anySetCookieIsStoredOrIgnoredAndTheCookieHeaderStaysSendable() {
    Fuzz.theory(2_000)
        .forAll(
            lists().of(setCookie()).ofSizeBetween(1, 4),
            Generate.pick(
                List.of(
                    URI.create("https://portal.example.com/api/auth/login"),
                    URI.create("http://127.0.0.1:8080/auth/refresh"),
                    URI.create("https://portal.example.com"),
                    URI.create("https://10.0.0.1/x/y/z"))))
        .checkAssert(
            (headers, uri) -> {
              CookieJar jar = new CookieJar(Clock.fixed(NOW, ZoneOffset.UTC));
              try {
                jar.store(uri, headers);
                jar.names();
                assertThat(jar.toString()).isNotNull();
                jar.header(uri)
                    .ifPresent(
                        header ->
                            assertThat(header).isNotBlank().doesNotContain("\r", "\n", "\u0000"));
              } catch (RuntimeException raw) {
                fail("the jar threw " + raw + " for " + headers, raw);
              }
            });
  }

  private static Gen<String> setCookie() {
    Gen<String> date =
        Generate.oneOf(
            longs()
                .between(-62_000_000_000L, 253_402_300_799L)
                .map(
                    s ->
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            Instant.ofEpochSecond(s).atOffset(ZoneOffset.UTC))),
            Generate.pick(
                List.of(
                    "Wed, 09-Jun-2027 10:18:14 GMT",
                    "Wed, 09 Jun 99999 10:18:14 GMT",
                    "Wed, 32 Jun 2027 10:18:14 GMT",
                    "Wed, 09 Jun 2027 10:18:14 XYZ",
                    "yesterday",
                    "")));
    Gen<String> number =
        Generate.oneOf(
            longs().all().map(n -> String.valueOf(n)),
            Generate.pick(
                List.of(
                    "0",
                    "-0",
                    "-1",
                    "99999999999999999999999",
                    "-99999999999999999999999",
                    "1e3",
                    " 5",
                    "٣",
                    "")));
    Gen<String> text = strings().betweenCodePoints(0x20, 0xff).ofLengthBetween(0, 20);
    Gen<String> attribute =
        Generate.oneOf(
            date.map(d -> "Expires=" + d),
            number.map(n -> "Max-Age=" + n),
            Generate.pick(
                    List.of(
                        "portal.example.com",
                        ".example.com",
                        "com",
                        "127.0.0.1",
                        "0.0.1",
                        "",
                        ".",
                        ".."))
                .map(d -> "Domain=" + d),
            Generate.pick(List.of("/", "/api", "api", "", "//", "/api/auth/"))
                .map(p -> "Path=" + p),
            Generate.pick(List.of("Secure", "HttpOnly", "SameSite=None", "=", "", "  ")),
            text);
    Gen<String> pair =
        Generate.oneOf(
            Generate.pick(List.of("refresh_token=rt_1", "a=", "=b", "=", "x", " n = v ", ";")),
            text);
    return pair.zip(
            lists().of(attribute).ofSizeBetween(0, 5),
            (p, attributes) -> attributes.isEmpty() ? p : p + ";" + String.join(";", attributes))
        .describedAs(s -> "\"" + s + "\"");
  }
}
