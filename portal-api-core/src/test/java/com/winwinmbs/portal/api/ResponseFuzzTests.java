package com.winwinmbs.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.winwinmbs.portal.api.auth.SessionTokenSource;
import com.winwinmbs.portal.api.files.DownloadSummary;
import com.winwinmbs.portal.api.files.FileDownload;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.JdkHttpTransport;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.mcptoken.AuditLogQuery;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.oauth.TokenRequestFormat;
import com.winwinmbs.portal.api.testing.Fuzz;
import com.winwinmbs.portal.api.testing.RecordingSleeper;
import com.winwinmbs.portal.api.testing.ScriptedServer;
import com.winwinmbs.portal.api.testing.ScriptedServer.Received;
import com.winwinmbs.portal.api.testing.ScriptedServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties: whatever a server answers (status, headers, body), every entry point returns a
 * decoded value or throws the client's own exceptions, never a raw one from a parser, and a retry
 * loop always ends. Every example goes over real HTTP to a loopback server.
 */
class ResponseFuzzTests {

  /** 1xx are interim responses: a server cannot send one as the answer to a request. */
  private static final List<Integer> INTERESTING_STATUSES =
      List.of(
          200, 201, 202, 203, 204, 205, 206, 299, 300, 301, 302, 303, 304, 307, 308, 399, 400, 401,
          403, 404, 405, 409, 410, 413, 415, 422, 429, 431, 451, 499, 500, 501, 502, 503, 504, 599);

  private static final int MAX_ATTEMPTS = 3;
  private static final int EXAMPLES = 250;

  private static ScriptedServer server;
  private static PortalTransport transport;
  private static RecordingSleeper sleeper;
  private static PortalApiClient portal;

  @BeforeAll
  static void startServer() {
    server = ScriptedServer.start();
    transport = JdkHttpTransport.create(Duration.ofSeconds(10));
    sleeper = new RecordingSleeper();
    portal =
        PortalApiClient.builder()
            .apiUrl(server.baseUrl())
            .tokenSource(TokenSource.of("fuzz-token"))
            .transport(transport)
            .timeout(Duration.ofSeconds(10))
            .retryPolicy(
                new RetryPolicy(MAX_ATTEMPTS, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60)))
            .sleeper(sleeper)
            .build();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  // ---- properties over HTTP -------------------------------------------------------------------

  @Test
  void envelopeRoutesReturnAValueOrThrowOnlyPortalApiExceptions() {
    Fuzz.theory(EXAMPLES)
        .forAll(responses(envelopeBodies()), Generate.booleans())
        .checkAssert(
            (response, one) ->
                exchange(
                    response,
                    () -> one ? portal.user().findById("usr_1") : portal.organization().tree()));
  }

  @Test
  void searchReturnsAPageOrThrowsOnlyPortalApiExceptions() {
    Fuzz.theory(EXAMPLES)
        .forAll(responses(pageBodies()))
        .checkAssert(
            response ->
                exchange(
                    response,
                    () -> {
                      Page<?> page = portal.user().search(SearchRequest.builder().build());
                      assertThat(page.items()).doesNotContainNull();
                      return page;
                    }));
  }

  @Test
  void deleteReturnsOrThrowsOnlyPortalApiExceptions() {
    Fuzz.theory(EXAMPLES)
        .forAll(responses(envelopeBodies()))
        .checkAssert(
            response ->
                exchange(
                    response,
                    () -> {
                      portal.user().delete("usr_1");
                      return null;
                    }));
  }

  @Test
  void guideRoutesReturnAValueOrThrowOnlyPortalApiExceptions() {
    Fuzz.theory(EXAMPLES)
        .forAll(responses(plainBodies()), integers().between(0, 2))
        .checkAssert(
            (response, route) ->
                exchange(
                    response,
                    () ->
                        switch (route) {
                          case 0 -> portal.auth().me();
                          case 1 -> assertThat(portal.mcpToken().list()).doesNotContainNull();
                          default -> portal.mcpToken().auditLogs("tok_1", AuditLogQuery.all());
                        }));
  }

  @Test
  void downloadReturnsTheContentOrThrowsOnlyPortalApiExceptions() {
    Fuzz.theory(EXAMPLES)
        .forAll(responses(anyBody()), Generate.booleans())
        .checkAssert(
            (response, streamed) ->
                exchange(
                    response,
                    () -> {
                      if (streamed) {
                        try (FileDownload download = portal.files().download("fil_1")) {
                          download.fileName().ifPresent(ResponseFuzzTests::assertSafeFileName);
                          download.contentType();
                          assertThat(download.contentLength()).isGreaterThanOrEqualTo(-1);
                          assertThat(readAll(download.inputStream()))
                              .isEqualTo(response.status() == 204 ? new byte[0] : response.body());
                          return download.toString();
                        }
                      }
                      DownloadSummary summary =
                          portal.files().download("fil_1", new ByteArrayOutputStream());
                      if (summary.fileName() != null) {
                        assertSafeFileName(summary.fileName());
                      }
                      return summary;
                    }));
  }

  @Test
  void loginAndRefreshKeepCookiesOrThrowOnlyPortalApiExceptions() {
    Fuzz.theory(EXAMPLES / 2)
        .forAll(lists().of(setCookie()).ofSizeBetween(0, 4), responses(plainBodies()))
        .checkAssert(
            (cookies, refreshAnswer) -> {
              PortalApiClient client = portal.toBuilder().tokenSource(null).build();
              List<Map.Entry<String, String>> headers = new ArrayList<>();
              headers.add(Map.entry("Content-Type", "application/json"));
              headers.add(Map.entry("Set-Cookie", "refresh_token=rt_0; Path=/; HttpOnly"));
              cookies.forEach(cookie -> headers.add(Map.entry("Set-Cookie", cookie)));
              Response login =
                  new Response(
                      200,
                      headers,
                      "{\"accessToken\":\"at_1\",\"user\":{\"id\":\"u1\"}}"
                          .getBytes(StandardCharsets.UTF_8));
              AtomicReference<SessionTokenSource> session = new AtomicReference<>();
              exchange(
                  login,
                  () -> {
                    session.set(client.auth().login("a@example.com", "pw", false));
                    return session.get();
                  });
              if (session.get() == null) {
                return; // the login's cookies made its answer one the client refused
              }
              assertThat(session.get().cookieNames()).isNotNull();
              // a later Set-Cookie may delete the refresh cookie: the refresh then fails unsent
              exchange(refreshAnswer, () -> client.auth().refresh(session.get()), 0);
            });
  }

  @Test
  void tokenEndpointAnswersATokenOrATokenException() {
    Fuzz.theory(EXAMPLES)
        .forAll(responses(tokenBodies()), Generate.pick(List.of(TokenRequestFormat.values())))
        .checkAssert(
            (response, format) -> {
              ClientCredentialsTokenProvider tokens =
                  ClientCredentialsTokenProvider.builder()
                      .apiUrl(server.baseUrl())
                      .clientId("app_fuzz")
                      .clientSecret("secret_fuzz")
                      .format(format)
                      .transport(transport)
                      .timeout(Duration.ofSeconds(10))
                      .build();
              server.respond(response);
              try {
                assertThat(tokens.accessToken()).isNotBlank();
              } catch (TokenException expected) {
                assertThat(expected.getMessage()).isNotBlank().doesNotContain("secret_fuzz");
              } catch (RuntimeException | Error raw) {
                fail("the token provider let a raw " + raw + " escape for " + response, raw);
              }
              assertThat(server.received()).hasSize(1);
            });
  }

  // ---- header parsing, no server needed -------------------------------------------------------

  @Test
  void rateLimitFromAnyHeadersIsEmptyOrTheParsedNumbers() {
    Fuzz.theory(2_000)
        .forAll(responseHeaders())
        .checkAssert(
            headers -> {
              Headers.Builder builder = Headers.builder();
              for (Map.Entry<String, String> h : headers) {
                try {
                  builder.add(h.getKey(), h.getValue());
                } catch (IllegalArgumentException refused) {
                  // a control character: the JDK client refuses such a response before RateLimit
                }
              }
              Headers built = builder.build();
              try {
                RateLimit.from(built)
                    .ifPresent(
                        limit -> {
                          assertThat(limit.isNearlyExhausted())
                              .isEqualTo(
                                  limit.limit() > 0
                                      && BigInteger.valueOf(limit.remaining())
                                              .multiply(BigInteger.TEN)
                                              .compareTo(BigInteger.valueOf(limit.limit()))
                                          < 0);
                          assertThat(limit.toString()).isNotNull();
                        });
              } catch (RuntimeException raw) {
                fail("RateLimit.from threw " + raw + " for " + headers, raw);
              }
            });
  }

  // ---- examples the properties found, kept as plain tests --------------------------------------

  @Test
  void errorWithARetryAfterMsBeyondALongIsTheStatusException() {
    server.respond(
        Response.of(
            302,
            "application/json",
            "{\"success\":false,\"error\":{\"code\":\"RATE_LIMITED\","
                + "\"details\":{\"retry_after_ms\":99999999999999999999999}}}"));

    assertThatThrownBy(() -> portal.user().findById("usr_1"))
        .isExactlyInstanceOf(PortalApiException.class)
        .extracting(e -> ((PortalApiException) e).status())
        .isEqualTo(302);
  }

  @Test
  void rateLimitedWithARetryAfterMsBeyondALongFailsAtOnceWithTheLongestWait() {
    server.respond(
        Response.of(
            429,
            "application/json",
            "{\"success\":false,\"error\":{\"code\":\"RATE_LIMITED\","
                + "\"retry_after_ms\":1e30}}"));

    assertThatThrownBy(() -> portal.user().findById("usr_1"))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofMillis(Long.MAX_VALUE));
              assertThat(e.attempts()).isEqualTo(1);
            });
  }

  @Test
  void rateLimitedWithANegativeRetryAfterMsBeyondALongFallsBackToTheHeaders() {
    server.respond(
        new Response(
            429,
            List.of(Map.entry("Content-Type", "application/json"), Map.entry("Retry-After", "120")),
            "{\"success\":false,\"error\":{\"details\":{\"retry_after_ms\":-1e30}}}"
                .getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> portal.user().findById("usr_1"))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
  }

  @Test
  void rateLimitedWithARetryAfterBeyondMillisecondsFailsAtOnceWithTheLongestWait() {
    for (Map.Entry<String, String> header :
        List.of(
            Map.entry("Retry-After", "9223372036854775807"),
            Map.entry("X-RateLimit-Reset", "31556889864403199"))) {
      server.respond(new Response(429, List.of(header), new byte[0]));

      assertThatThrownBy(() -> portal.mcpToken().list())
          .as(header.toString())
          .isInstanceOfSatisfying(
              RateLimitException.class,
              e -> {
                assertThat(e.retryAfter()).contains(Duration.ofMillis(Long.MAX_VALUE));
                assertThat(e.getMessage()).contains("asked to wait 9223372036854775807 ms");
              });
    }
  }

  @Test
  void rateLimitResetBeyondTheRangeOfInstantIsLeftOut() {
    Headers headers =
        Headers.builder()
            .add("X-RateLimit-Limit", "1")
            .add("X-RateLimit-Remaining", "1")
            .add("X-RateLimit-Reset", "-59731104498094973")
            .build();

    assertThat(RateLimit.from(headers)).contains(new RateLimit(1, 1, null));
  }

  @Test
  void rateLimitWithMoreRemainingThanALongCanMultiplyIsNotNearlyExhausted() {
    assertThat(new RateLimit(25, Long.MAX_VALUE, null).isNearlyExhausted()).isFalse();
    assertThat(new RateLimit(25, 2, null).isNearlyExhausted()).isTrue();
    assertThat(new RateLimit(20, 2, null).isNearlyExhausted()).isFalse();
  }

  @Test
  void tokenWithAnExpiryBeyondALongOrTheRangeOfInstantIsStillAToken() {
    for (String expiresIn :
        List.of("1e30", "99999999999999999999999", "9223372036854775807", "-9223372036854775808")) {
      ClientCredentialsTokenProvider tokens =
          ClientCredentialsTokenProvider.builder()
              .apiUrl(server.baseUrl())
              .clientId("app_fuzz")
              .clientSecret("secret_fuzz")
              .transport(transport)
              .build();
      server.respond(
          Response.of(
              200,
              "application/json",
              "{\"access_token\":\"at_1\",\"expires_in\":" + expiresIn + "}"));

      assertThat(tokens.accessToken()).as("expires_in %s", expiresIn).isEqualTo("at_1");
    }
  }

  @Test
  void pageWithANullItemIsADecodingFailure() {
    server.respond(Response.of(200, "application/json", "{\"success\":true,\"data\":[null]}"));

    assertThatThrownBy(() -> portal.user().search(SearchRequest.builder().build()))
        .isExactlyInstanceOf(PortalApiException.class);
  }

  @Test
  void mcpTokenListOfNullIsADecodingFailure() {
    for (String body : List.of("null", "{\"tokens\":[null]}")) {
      server.respond(Response.of(200, "application/json", body));

      assertThatThrownBy(() -> portal.mcpToken().list())
          .as(body)
          .isExactlyInstanceOf(PortalApiException.class);
    }
  }

  // ---- the checks ------------------------------------------------------------------------------

  /**
   * Serves the response, runs the call, and checks its outcome: a value, or a PortalApiException
   * that describes the status it was given, after no more attempts than the policy allows; and that
   * the server received exactly the requests those attempts account for.
   */
  private static void exchange(Response response, Callable<?> call) {
    exchange(response, call, 1);
  }

  private static void exchange(Response response, Callable<?> call, int leastRequests) {
    server.respond(response);
    int attempts = 1; // every answer repeats, so only a call's first attempt can succeed
    try {
      Object value = call.call();
      if (value != null) {
        assertThat(value.toString()).isNotNull();
      }
    } catch (PortalApiException expected) {
      attempts = expected.attempts();
      assertThat(expected.getMessage()).isNotBlank();
      assertThat(expected.error()).isNotNull();
      assertThat(expected.attempts()).isBetween(Math.min(1, leastRequests), MAX_ATTEMPTS);
      if (!(expected instanceof TransportException) && expected.status() >= 300) {
        assertThat(expected.status()).isEqualTo(response.status());
      }
      if (expected instanceof RateLimitException limited) {
        limited
            .retryAfter()
            .ifPresent(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ZERO));
      }
      assertThat(expected.toString()).isNotNull();
    } catch (Exception | Error raw) {
      fail("a raw " + raw + " escaped for " + response, raw);
    }
    List<Received> received = server.received();
    assertThat(received).hasSizeGreaterThanOrEqualTo(leastRequests);
    assertThat(received)
        .as("requests for %d attempts", attempts)
        .hasSize(attempts * sent(response, received));
    assertThat(portal.lastRateLimit()).isNotNull();
  }

  /**
   * How many times each attempt reached the server: once, except a GET whose connection closed
   * before any byte of an answer, which the JDK's HttpClient sends once more by itself (on JDK 17
   * and 25 alike, see JdkHttpClientBehaviourTests), unseen by the client's count of attempts.
   */
  private static int sent(Response response, List<Received> received) {
    boolean jdkResends =
        response.closesWithoutAnswer()
            && !received.isEmpty()
            && received.stream().allMatch(r -> r.method().equals("GET"));
    return jdkResends ? 2 : 1;
  }

  private static void assertSafeFileName(String name) {
    assertThat(name)
        .isNotBlank()
        .doesNotContain("/", "\\")
        .isNotIn(".", "..")
        .satisfies(n -> assertThat(n.codePoints().noneMatch(Character::isISOControl)).isTrue());
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  // ---- generators: responses -------------------------------------------------------------------

  /** Any answer; one example in twenty is a connection closed without one. */
  private static Gen<Response> responses(Gen<byte[]> bodies) {
    return statuses()
        .zip(responseHeaders(), bodies, Response::new)
        .mix(Generate.constant(Response.closeWithoutAnswer()), 5)
        .describedAs(Response::toString);
  }

  private static Gen<Integer> statuses() {
    return Generate.frequency(
        Pair.of(3, Generate.pick(INTERESTING_STATUSES)), Pair.of(1, integers().between(200, 599)));
  }

  private static Gen<List<Map.Entry<String, String>>> responseHeaders() {
    return lists().of(header()).ofSizeBetween(0, 8);
  }

  private static Gen<Map.Entry<String, String>> header() {
    return Generate.frequency(
        Pair.of(3, contentType().map(v -> Map.entry("Content-Type", v))),
        Pair.of(2, number().map(v -> Map.entry("X-RateLimit-Limit", v))),
        Pair.of(2, number().map(v -> Map.entry("X-RateLimit-Remaining", v))),
        Pair.of(
            2, Generate.oneOf(number(), httpDate()).map(v -> Map.entry("X-RateLimit-Reset", v))),
        Pair.of(3, Generate.oneOf(number(), httpDate()).map(v -> Map.entry("Retry-After", v))),
        Pair.of(1, garbage().map(v -> Map.entry("X-Request-Id", v))),
        Pair.of(2, contentDisposition().map(v -> Map.entry("Content-Disposition", v))),
        Pair.of(1, location().map(v -> Map.entry("Location", v))),
        Pair.of(2, setCookie().map(v -> Map.entry("Set-Cookie", v))),
        Pair.of(1, garbage().map(v -> Map.entry("X-Anything", v))));
  }

  /** Text a header can carry: Latin-1 without CR, LF or NUL. */
  private static Gen<String> garbage() {
    return Generate.oneOf(
        strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 30),
        strings().betweenCodePoints(0x20, 0xff).ofLengthBetween(0, 30),
        strings().betweenCodePoints(0x09, 0x7e).ofLengthBetween(0, 30).map(s -> header(s)));
  }

  private static String header(String text) {
    return text.replace('\n', ' ').replace('\r', ' ').replace('\u000b', ' ').replace('\f', ' ');
  }

  private static Gen<String> number() {
    return Generate.frequency(
        Pair.of(3, longs().between(-5, 200).map(n -> String.valueOf(n))),
        Pair.of(2, longs().all().map(n -> String.valueOf(n))),
        Pair.of(
            2,
            Generate.pick(
                List.of(
                    "",
                    " ",
                    " 42 ",
                    "-0",
                    "+7",
                    "1e3",
                    "0x10",
                    "1.5",
                    "NaN",
                    "Infinity",
                    "9223372036854775807",
                    "9223372036854775808",
                    "-9223372036854775808",
                    "31556889864403199",
                    "31556889864403200",
                    "-31557014167219200",
                    "99999999999999999999999999999",
                    "٣"))),
        Pair.of(1, garbage()));
  }

  private static Gen<String> httpDate() {
    return Generate.oneOf(
        longs()
            .between(-62_000_000_000L, 253_402_300_799L)
            .map(
                s ->
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.ofEpochSecond(s).atOffset(ZoneOffset.UTC))),
        Generate.pick(
            List.of(
                "Wed, 21 Oct 2015 07:28:00 GMT",
                "Wed, 21 Oct 2015 07:28:00",
                "Sun, 06 Nov 1994 08:49:37 GMT",
                "Sunday, 06-Nov-94 08:49:37 GMT",
                "Sun Nov  6 08:49:37 1994",
                "Thu, 01 Jan 1970 00:00:00 GMT",
                "Fri, 31 Dec 9999 23:59:59 GMT",
                "Mon, 32 Jan 2020 00:00:00 GMT",
                "2024-01-01T00:00:00Z")));
  }

  private static Gen<String> contentType() {
    return Generate.oneOf(
        Generate.pick(
            List.of(
                "application/json",
                "application/json; charset=utf-8",
                "application/json;charset=UTF-16",
                "application/json; charset=ISO-8859-1",
                "application/json; charset=no-such-charset",
                "application/json; charset=",
                "application/problem+json",
                "text/html; charset=utf-8",
                "text/plain",
                "application/octet-stream",
                "",
                ";;;",
                "application/json; boundary=\"x\"; charset=\"utf-8\"")),
        garbage());
  }

  private static Gen<String> contentDisposition() {
    Gen<String> name =
        Generate.pick(List.of("filename", "filename*", "FILENAME*", "name", "", " filename "));
    Gen<String> value =
        Generate.oneOf(
            Generate.pick(
                List.of(
                    "\"report.pdf\"",
                    "UTF-8''%E0%B8%AA%E0%B8%A7.pdf",
                    "utf-8'en'..%2F..%2Fetc%2Fpasswd",
                    "UTF-8''%ZZ",
                    "UTF-8''%",
                    "UTF-8''%C3",
                    "UTF-8''%00%0A",
                    "ISO-8859-1''%FF%E9",
                    "EBCDIC''abc",
                    "''",
                    "'",
                    "\"",
                    "\"\\",
                    "\"..\"",
                    "\"a\\\\b/c\"",
                    "=",
                    "")),
            garbage());
    return Generate.oneOf(
        name.zip(value, (n, v) -> "attachment; " + n + "=" + v),
        name.zip(value, name, (n, v, m) -> "inline;" + n + "=" + v + ";" + m + "=" + v),
        garbage());
  }

  private static Gen<String> location() {
    return Generate.oneOf(
        Generate.pick(
            List.of(
                "https://elsewhere.example/login",
                "/relative",
                "http://[::1",
                "http://",
                "mailto:x@y",
                "://",
                " ",
                "http://user:pw@evil.example/")),
        garbage());
  }

  private static Gen<String> setCookie() {
    Gen<String> attribute =
        Generate.oneOf(
            httpDate().map(d -> "Expires=" + d),
            number().map(n -> "Max-Age=" + n),
            Generate.pick(List.of("127.0.0.1", ".127.0.0.1", "example.com", "", ".", "localhost"))
                .map(d -> "Domain=" + d),
            Generate.pick(List.of("/", "/auth", "auth", "", "/a;b")).map(p -> "Path=" + p),
            Generate.pick(List.of("Secure", "HttpOnly", "SameSite=Strict", "=", ";", "Max-Age")),
            garbage());
    Gen<String> pair =
        Generate.oneOf(
            Generate.pick(List.of("refresh_token=rt_1", "a=", "=b", "=", "noequals", " x = y ")),
            garbage());
    return pair.zip(
        lists().of(attribute).ofSizeBetween(0, 4),
        (p, attributes) -> attributes.isEmpty() ? p : p + "; " + String.join("; ", attributes));
  }

  // ---- generators: bodies ----------------------------------------------------------------------

  private static Gen<byte[]> anyBody() {
    return Generate.frequency(
        Pair.of(2, randomBytes()),
        Pair.of(2, utf8(json(3))),
        Pair.of(2, envelopeBodies()),
        Pair.of(1, pageBodies()),
        Pair.of(1, plainBodies()));
  }

  private static Gen<byte[]> envelopeBodies() {
    Gen<String> data =
        Generate.oneOf(json(2), user(), Generate.constant("null"), Generate.constant("[]"));
    return Generate.frequency(
            Pair.of(
                4,
                value()
                    .zip(
                        data,
                        value(),
                        (success, d, message) ->
                            "{\"success\":"
                                + success
                                + ",\"data\":"
                                + d
                                + ",\"message\":"
                                + message
                                + "}")),
            Pair.of(
                2,
                Generate.constant("{\"success\":true,\"data\":")
                    .zip(user(), (a, b) -> a + b + "}")),
            Pair.of(3, errorBodies()),
            Pair.of(1, utf8(json(3)).map(b -> new String(b, StandardCharsets.UTF_8))),
            Pair.of(3, awkward()))
        .mix(truncated(envelopeLike()), 15)
        .map(s -> s.getBytes(StandardCharsets.UTF_8))
        .mix(randomBytes(), 10)
        .mix(otherEncodings(), 5);
  }

  private static Gen<String> envelopeLike() {
    return user().map(u -> "{\"success\":true,\"data\":" + u + "}");
  }

  private static Gen<byte[]> pageBodies() {
    Gen<String> pagination =
        Generate.oneOf(
            Generate.constant("{\"page\":1,\"limit\":20,\"total\":1,\"total_pages\":1}"),
            value()
                .zip(
                    value(),
                    value(),
                    value(),
                    (p, l, t, tp) ->
                        "{\"page\":"
                            + p
                            + ",\"limit\":"
                            + l
                            + ",\"total\":"
                            + t
                            + ",\"total_pages\":"
                            + tp
                            + "}"),
            json(2));
    Gen<String> items =
        Generate.oneOf(
            lists().of(Generate.oneOf(user(), value())).ofSizeBetween(0, 4).map(l -> array(l)),
            json(2));
    Gen<String> page =
        value()
            .zip(
                items,
                pagination,
                (success, data, p) ->
                    "{\"success\":" + success + ",\"data\":" + data + ",\"pagination\":" + p + "}");
    return Generate.frequency(
            Pair.of(5, page),
            Pair.of(2, errorBodies()),
            Pair.of(3, awkward()),
            Pair.of(1, truncated(page)))
        .map(s -> s.getBytes(StandardCharsets.UTF_8))
        .mix(randomBytes(), 10);
  }

  private static Gen<byte[]> plainBodies() {
    Gen<String> tokens =
        Generate.oneOf(
            lists().of(Generate.oneOf(mcpToken(), value())).ofSizeBetween(0, 3).map(l -> array(l)),
            value());
    Gen<String> plain =
        Generate.frequency(
            Pair.of(3, tokens.map(t -> "{\"tokens\":" + t + "}")),
            Pair.of(
                3,
                Generate.oneOf(json(2), Generate.constant("{\"id\":\"u1\"}"))
                    .zip(
                        json(2),
                        (user, tenant) ->
                            "{\"user\":"
                                + user
                                + ",\"tenant\":"
                                + tenant
                                + ",\"accessToken\":\"at_2\"}")),
            Pair.of(3, errorBodies()),
            Pair.of(3, awkward()),
            Pair.of(1, json(3)));
    return plain
        .mix(truncated(plain), 15)
        .map(s -> s.getBytes(StandardCharsets.UTF_8))
        .mix(randomBytes(), 10);
  }

  private static Gen<byte[]> tokenBodies() {
    Gen<String> accessToken =
        Generate.oneOf(
            Generate.pick(List.of("\"at_ok\"", "\"\"", "\"  \"", "null", "42", "{}", "[\"at\"]")),
            value());
    Gen<String> expiresIn =
        Generate.oneOf(
            Generate.pick(
                List.of(
                    "3600",
                    "0",
                    "-1",
                    "\"3600\"",
                    "\" 60 \"",
                    "\"soon\"",
                    "9223372036854775807",
                    "-9223372036854775808",
                    "\"9223372036854775807\"",
                    "99999999999999999999999",
                    "1e400",
                    "-1e30",
                    "1.5",
                    "true",
                    "null")),
            value());
    Gen<String> token =
        accessToken.zip(
            expiresIn,
            value(),
            (at, exp, type) ->
                "{\"access_token\":"
                    + at
                    + ",\"expires_in\":"
                    + exp
                    + ",\"token_type\":"
                    + type
                    + "}");
    return Generate.frequency(
            Pair.of(5, token),
            Pair.of(2, errorBodies()),
            Pair.of(3, awkward()),
            Pair.of(1, json(3)),
            Pair.of(1, truncated(token)))
        .map(s -> s.getBytes(StandardCharsets.UTF_8))
        .mix(randomBytes(), 10);
  }

  /** Both error envelopes, each field given any JSON value. */
  private static Gen<String> errorBodies() {
    Gen<String> portalError =
        value()
            .zip(
                value(),
                value(),
                Generate.oneOf(value(), retryAfterMs()),
                (code, message, details, retry) ->
                    "{\"success\":false,\"error\":{\"code\":"
                        + code
                        + ",\"message\":"
                        + message
                        + ",\"details\":"
                        + details
                        + ",\"requestId\":"
                        + code
                        + ",\"path\":"
                        + message
                        + ",\"retry_after_ms\":"
                        + retry
                        + "},\"retry_after_ms\":"
                        + retry
                        + "}");
    Gen<String> portalErrorDetails =
        retryAfterMs()
            .map(
                r ->
                    "{\"success\":false,\"error\":{\"code\":\"RATE_LIMITED\",\"details\":{\"retry_after_ms\":"
                        + r
                        + "}}}");
    Gen<String> guideError =
        value()
            .zip(
                value(),
                value(),
                Generate.oneOf(value(), retryAfterMs()),
                (error, message, status, retry) ->
                    "{\"error\":"
                        + error
                        + ",\"message\":"
                        + message
                        + ",\"statusCode\":"
                        + status
                        + ",\"timestamp\":"
                        + status
                        + ",\"details\":{\"retry_after_ms\":"
                        + retry
                        + "}}");
    return Generate.oneOf(portalError, portalErrorDetails, guideError);
  }

  private static Gen<String> retryAfterMs() {
    return Generate.pick(
        List.of(
            "0",
            "-1",
            "1500",
            "\"1500\"",
            "\" 2.5 \"",
            "\"soon\"",
            "9223372036854775807",
            "-9223372036854775808",
            "99999999999999999999999",
            "1e30",
            "-1e30",
            "1e400",
            "\"1e400\"",
            "\"NaN\"",
            "1.5",
            "true",
            "null",
            "[]",
            "{}"));
  }

  private static Gen<String> awkward() {
    return Generate.oneOf(
        Generate.pick(
            List.of(
                "",
                " ",
                "null",
                "true",
                "0",
                "\"text\"",
                "[]",
                "{}",
                "[null]",
                "{\"success\":true}",
                "{\"success\":true,\"data\":null}",
                "{\"success\":true,\"data\":[null]}",
                "{\"success\":true,\"data\":{}}",
                "{\"success\":\"yes\",\"data\":{\"id\":\"u\"}}",
                "{\"tokens\":[null]}",
                "{\"tokens\":null}",
                "{\"logs\":[null]}",
                "<html><body><h1>502 Bad Gateway</h1></body></html>",
                "<!DOCTYPE html><html>",
                "{\"a\":1}{\"b\":2}",
                "{\"a\":1} trailing",
                "{\"x\":NaN}",
                "{'single':'quotes'}",
                "{\"a\":\"\\ud800\"}",
                "\ufeff{\"success\":true,\"data\":{\"id\":\"u\"}}",
                "{\"success\":true,\"data\":{\"id\":\"u\",\"created_at\":\"yesterday\"}}",
                "{\"success\":true,\"data\":{\"id\":\"u\",\"created_at\":99999999999999999999}}",
                "{\"success\":true,\"data\":{\"id\":\"u\",\"status\":\"NEVER_HEARD_OF\"}}",
                "{\"success\":true,\"data\":{\"id\":\"u\",\"roles\":\"admin\"}}")),
        integers().between(1, 3_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
        integers()
            .between(1, 3_000)
            .map(depth -> "{\"data\":".repeat(depth) + "1" + "}".repeat(depth)),
        integers()
            .between(1, 3_000)
            .map(digits -> "{\"success\":true,\"data\":" + "9".repeat(digits) + "}"),
        integers().between(1, 1_500).map(length -> "{\"a\":\"" + "x".repeat(length * 100) + "\"}"));
  }

  private static Gen<String> truncated(Gen<String> bodies) {
    return bodies.zip(
        integers().between(0, 1_000),
        (body, cut) -> body.substring(0, Math.min(cut, body.length())));
  }

  private static Gen<byte[]> randomBytes() {
    return Generate.byteArrays(
        integers().between(0, 300), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
  }

  private static Gen<byte[]> otherEncodings() {
    return envelopeLike()
        .zip(
            Generate.pick(
                List.of(
                    StandardCharsets.UTF_16BE,
                    StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16,
                    StandardCharsets.ISO_8859_1,
                    java.nio.charset.Charset.forName("UTF-32"))),
            (text, charset) -> text.getBytes(charset));
  }

  private static Gen<byte[]> utf8(Gen<String> text) {
    return text.map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  private static Gen<String> user() {
    return value()
        .zip(
            value(),
            Generate.oneOf(value(), Generate.constant("[{\"id\":\"r1\",\"name\":\"admin\"}]")),
            Generate.oneOf(value(), Generate.constant("\"2024-05-01T10:00:00Z\"")),
            (id, status, roles, created) ->
                "{\"id\":"
                    + id
                    + ",\"status\":"
                    + status
                    + ",\"roles\":"
                    + roles
                    + ",\"created_at\":"
                    + created
                    + ",\"extra\":"
                    + status
                    + "}")
        .mix(Generate.constant("{\"id\":\"usr_1\",\"email\":\"a@example.com\",\"roles\":[]}"), 30);
  }

  private static Gen<String> mcpToken() {
    return value()
        .zip(
            value(),
            value(),
            value(),
            (id, permissions, usage, expires) ->
                "{\"id\":"
                    + id
                    + ",\"permissions\":"
                    + permissions
                    + ",\"usageCount\":"
                    + usage
                    + ",\"expiresAt\":"
                    + expires
                    + ",\"ipWhitelist\":"
                    + permissions
                    + "}");
  }

  /** One JSON value of any type, as text, nested at most {@code depth} levels. */
  private static Gen<String> json(int depth) {
    if (depth == 0) {
      return scalar();
    }
    Gen<String> inner = json(depth - 1);
    Gen<String> array = lists().of(inner).ofSizeBetween(0, 3).map(l -> array(l));
    Gen<String> object =
        lists()
            .of(key().zip(inner, (k, v) -> "\"" + k + "\":" + v))
            .ofSizeBetween(0, 4)
            .map(members -> "{" + String.join(",", members) + "}");
    return Generate.frequency(Pair.of(2, scalar()), Pair.of(1, array), Pair.of(2, object));
  }

  private static Gen<String> value() {
    return json(1);
  }

  private static Gen<String> scalar() {
    return Generate.frequency(
        Pair.of(
            2,
            Generate.pick(
                List.of(
                    "null",
                    "true",
                    "false",
                    "0",
                    "-1",
                    "1.5",
                    "1e400",
                    "-1e400",
                    "1e-400",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "99999999999999999999999999999999999999",
                    "\"\"",
                    "\"usr_1\"",
                    "\"2024-05-01T10:00:00Z\"",
                    "\"not a date\"",
                    "\"ACTIVE\"",
                    "\"\\u0000\\n\\\"\""))),
        Pair.of(1, longs().all().map(n -> String.valueOf(n))),
        Pair.of(1, strings().allPossible().ofLengthBetween(0, 12).map(s -> quote(s))));
  }

  private static Gen<String> key() {
    return Generate.pick(
        List.of(
            "id",
            "success",
            "data",
            "message",
            "pagination",
            "page",
            "total_pages",
            "roles",
            "positions",
            "created_at",
            "status",
            "user",
            "tenant",
            "tokens",
            "accessToken",
            "access_token",
            "expires_in",
            "error",
            "code",
            "details",
            "retry_after_ms",
            "requestId",
            "permissions",
            "usageCount",
            ""));
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.chars()
        .forEach(
            c -> {
              if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate((char) c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.append((char) c);
              }
            });
    return out.append('"').toString();
  }

  private static String array(List<String> elements) {
    return "[" + String.join(",", elements) + "]";
  }
}
