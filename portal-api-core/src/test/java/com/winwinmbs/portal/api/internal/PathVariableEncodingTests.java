package com.winwinmbs.portal.api.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.testing.TestClients;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Path variables and query values are data, never syntax: whatever they hold, each arrives whole in
 * its own segment or parameter.
 *
 * <p>NUL and other control characters are encoded, not refused: an id is the portal's to judge, and
 * as {@code %00} or {@code %0A} they cannot end, split or add anything to the request line.
 */
@WireMockTest
class PathVariableEncodingTests {

  private RequestExecutor executor;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"id\":\"x\"}}")));
    executor = TestClients.executor(TestClients.client(wm));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "../admin        | /users/..%2Fadmin",
        "a/b?c#d         | /users/a%2Fb%3Fc%23d",
        "..              | /users/%2E%2E",
        ".               | /users/%2E",
        "%2e%2e          | /users/%252e%252e",
        "%00             | /users/%2500",
        "\"john doe\"    | /users/john%20doe",
        "\"  \"          | /users/%20%20",
        "Zoë-日本         | /users/Zo%C3%AB-%E6%97%A5%E6%9C%AC",
        "a+b=c&d;e       | /users/a%2Bb%3Dc%26d%3Be",
        "usr_01H~x.y     | /users/usr_01H~x.y",
      })
  void pathVariableStaysInItsSegment(String id, String expectedPath, WireMockRuntimeInfo wm) {
    executor.execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", id), Map.class);

    List<LoggedRequest> requests = wm.getWireMock().find(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getUrl()).isEqualTo(expectedPath);
  }

  @Test
  void eachVariableOfATwoVariableRouteIsItsOwnSegment(WireMockRuntimeInfo wm) {
    executor.executeVoid(
        Call.to(Endpoints.USER_SET_ROLES)
            .path("id", "../roles")
            .json(Map.of("roleIds", List.of())));

    List<LoggedRequest> requests = wm.getWireMock().find(anyRequestedFor(anyUrl()));
    assertThat(requests)
        .singleElement()
        .extracting(LoggedRequest::getUrl)
        .isEqualTo("/users/..%2Froles/roles");
  }

  @Test
  void emptyIdIsRefusedBeforeAnythingIsSent(WireMockRuntimeInfo wm) {
    assertThatThrownBy(
            () -> executor.execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", ""), Map.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'id'")
        .hasMessageContaining("empty");

    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void missingOrUnknownVariableIsRefusedBeforeAnythingIsSent(WireMockRuntimeInfo wm) {
    assertThatThrownBy(() -> executor.execute(Call.to(Endpoints.USER_FIND_BY_ID), Map.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'id'")
        .hasMessageContaining("missing");
    assertThatThrownBy(
            () ->
                executor.execute(
                    Call.to(Endpoints.USER_FIND_BY_ID).path("id", "1").path("userId", "2"),
                    Map.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/users/{id}");

    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void queryParametersAreEncodedAndRepeatedForCollections(WireMockRuntimeInfo wm) {
    executor.execute(
        Call.to(Endpoints.USER_FIND_BY_ID)
            .path("id", "u1")
            .query("q", "a&b=c #d")
            .query("tag", List.of("x", "y/z"))
            .query("skipped", null),
        Map.class);

    List<LoggedRequest> requests = wm.getWireMock().find(anyRequestedFor(anyUrl()));
    assertThat(requests)
        .singleElement()
        .extracting(LoggedRequest::getUrl)
        .isEqualTo("/users/u1?q=a%26b%3Dc%20%23d&tag=x&tag=y%2Fz");
  }

  /** Values a caller might pass as an id, each trying to leave its segment one way or another. */
  static Stream<Arguments> hostileValues() {
    return Stream.of(
        Arguments.of("dot-dot", ".."),
        Arguments.of("dot", "."),
        Arguments.of("encoded dot-dot, lower case", "%2e%2e"),
        Arguments.of("encoded dot-dot, upper case", "%2E%2E"),
        Arguments.of("encoded slash", "%2F"),
        Arguments.of("dot-dot slash", "../../admin"),
        Arguments.of("slash", "/"),
        Arguments.of("slash inside", "a/b"),
        Arguments.of("backslash", "..\\admin"),
        Arguments.of("question mark", "a?role=admin"),
        Arguments.of("hash", "a#frag"),
        Arguments.of("percent alone", "%"),
        Arguments.of("percent and hex", "%41"),
        Arguments.of("semicolon (matrix parameter)", "a;jsessionid=1"),
        Arguments.of("space", "a b"),
        Arguments.of("leading and trailing spaces", " a "),
        Arguments.of("plus", "a+b"),
        Arguments.of("ampersand and equals", "a&b=c"),
        Arguments.of("at and colon", "user@host:80"),
        Arguments.of("NUL", "a\u0000b"),
        Arguments.of("encoded NUL", "%00"),
        Arguments.of("CR LF", "a\r\nX-Injected: 1"),
        Arguments.of("tab and DEL", "a\tb\u007f"),
        Arguments.of("C1 control (NEL)", "a\u0085b"),
        Arguments.of("RTL mark and override", "a\u200fb\u202ec"),
        Arguments.of("emoji (surrogate pair)", "\uD83D\uDE00-id"),
        Arguments.of("fullwidth solidus", "a\uFF0Fb"),
        Arguments.of("fullwidth full stops", "\uFF0E\uFF0E"),
        Arguments.of("combining acute accent", "e\u0301"),
        Arguments.of("zero-width joiner", "a\u200db"),
        Arguments.of("BOM", "\uFEFFid"),
        Arguments.of("CJK and accents", "Zo\u00eb-\u65e5\u672c"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("hostileValues")
  void aHostileValueArrivesWholeInItsOwnSegment(String what, String value, WireMockRuntimeInfo wm)
      throws Exception {
    List<String> paths;
    if (JETTY_REFUSES.contains(value)) {
      // WireMock's Jetty answers 400 to these before WireMock sees them (an encoded NUL, and a
      // segment Jetty deems ambiguous): read the request line off a plain socket instead
      paths = new ArrayList<>();
      for (Call call : hostileCalls(value)) {
        paths.add(RequestLineRecorder.pathOf(call));
      }
    } else {
      executor.execute(hostileCalls(value).get(0), Map.class);
      executor.executeVoid(hostileCalls(value).get(1));
      paths =
          wm.getWireMock().find(anyRequestedFor(anyUrl())).stream()
              .map(LoggedRequest::getUrl)
              .toList();
    }

    assertThat(paths).hasSize(2);
    for (String raw : paths) {
      assertThat(raw).as("no query or fragment").doesNotContain("?", "#");
      String[] segments = raw.substring(1).split("/", -1);
      boolean setRoles = raw.endsWith("/roles");
      assertThat(segments).as(raw).hasSize(setRoles ? 3 : 2);
      assertThat(segments[0]).isEqualTo("users");
      assertThat(decode(segments[1])).as(raw).isEqualTo(value);
      // only unreserved characters and percent escapes reach the request line
      assertThat(segments[1]).matches("[A-Za-z0-9._~%-]+");
    }
  }

  /** Values WireMock's server refuses with 400 although the client encoded them correctly. */
  private static final Set<String> JETTY_REFUSES = Set.of("../../admin", "a\u0000b");

  private static List<Call> hostileCalls(String value) {
    return List.of(
        Call.to(Endpoints.USER_FIND_BY_ID).path("id", value),
        Call.to(Endpoints.USER_SET_ROLES).path("id", value).json(Map.of("roleIds", List.of())));
  }

  /**
   * A one-request HTTP server on a plain socket: records the request line's target and answers a
   * portal envelope, for targets a full server refuses before a test can see them.
   */
  private static final class RequestLineRecorder {
    static String pathOf(Call call) throws Exception {
      try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        RequestExecutor executor =
            TestClients.executor(
                PortalApiClient.builder()
                    .apiUrl("http://127.0.0.1:" + server.getLocalPort())
                    .tokenSource(TokenSource.of(TestClients.TOKEN))
                    .maxAttempts(1)
                    .build());
        CompletableFuture<String> target =
            CompletableFuture.supplyAsync(
                () -> {
                  try (Socket socket = server.accept()) {
                    BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(
                                socket.getInputStream(), StandardCharsets.ISO_8859_1));
                    String requestLine = in.readLine();
                    String line;
                    long length = 0;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                      }
                    }
                    in.skip(length);
                    byte[] body = "{\"success\":true,\"data\":{}}".getBytes(StandardCharsets.UTF_8);
                    OutputStream out = socket.getOutputStream();
                    out.write(
                        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                + body.length
                                + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                    return requestLine.split(" ")[1];
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        executor.send(call, response -> response.body().readAllBytes(), false);
        return target.get(5, TimeUnit.SECONDS);
      }
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("hostileValues")
  void aHostileQueryValueAddsNoParameterAndNoFragment(
      String what, String value, WireMockRuntimeInfo wm) {
    executor.execute(
        Call.to(Endpoints.USER_FIND_BY_ID)
            .path("id", "u1")
            .query("q", value)
            .query("tag", List.of(value, "x")),
        Map.class);

    List<LoggedRequest> requests = wm.getWireMock().find(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    String raw = requests.get(0).getUrl();
    assertThat(raw).startsWith("/users/u1?").doesNotContain("#");
    String[] parameters = raw.substring(raw.indexOf('?') + 1).split("&", -1);
    assertThat(parameters).as(raw).hasSize(3);
    assertThat(parameters[0]).startsWith("q=");
    assertThat(decode(parameters[0].substring(2))).isEqualTo(value);
    assertThat(parameters[1]).startsWith("tag=");
    assertThat(decode(parameters[1].substring(4))).isEqualTo(value);
    assertThat(parameters[2]).isEqualTo("tag=x");
    assertThat(requests.get(0).queryParameter("q").values()).containsExactly(value);
  }

  /** Percent-decoding as RFC 3986 defines it: {@code +} stays a plus. */
  private static String decode(String encoded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
