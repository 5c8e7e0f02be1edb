package com.winwinmbs.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.winwinmbs.portal.api.email.EmailTemplateQuery;
import com.winwinmbs.portal.api.http.JdkHttpTransport;
import com.winwinmbs.portal.api.http.UriTemplates;
import com.winwinmbs.portal.api.testing.Fuzz;
import com.winwinmbs.portal.api.testing.ScriptedServer;
import com.winwinmbs.portal.api.testing.ScriptedServer.Received;
import com.winwinmbs.portal.api.testing.ScriptedServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties: any id is either refused before sending (empty, or text with no UTF-8 form) or
 * arrives at a real server as exactly one path segment whose percent-decoding is the id, on the
 * route it was meant for; any query value arrives as one parameter decoding to the same value.
 */
class PathVariableFuzzTests {

  private static final int EXAMPLES = 300;

  /** A route of the catalog, its template split into segments, and a call sending an id to it. */
  private record Route(String method, String template, Consumer<String> call) {
    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  private static ScriptedServer server;
  private static PortalApiClient portal;

  @BeforeAll
  static void startServer() {
    server = ScriptedServer.start();
    server.respond(Response.of(200, "application/json", "{\"success\":true,\"data\":null}"));
    portal =
        PortalApiClient.builder()
            .apiUrl(server.baseUrl())
            .tokenSource(TokenSource.of("fuzz-token"))
            .transport(JdkHttpTransport.create(Duration.ofSeconds(10)))
            .timeout(Duration.ofSeconds(10))
            .retryPolicy(RetryPolicy.NONE)
            .build();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static List<Route> routes() {
    return List.of(
        new Route("GET", "/users/{}", id -> portal.user().findById(id)),
        new Route("DELETE", "/users/{}", id -> portal.user().delete(id)),
        new Route("PUT", "/users/{}/roles", id -> portal.user().setRoles(id, List.of("r1"))),
        new Route(
            "GET",
            "/files/{}/download",
            id -> portal.files().download(id, OutputStream.nullOutputStream())),
        new Route("GET", "/mcp/tokens/{}", id -> portal.mcpToken().findById(id)),
        new Route("GET", "/system-configs/{}", id -> portal.systemConfig().getByKey(id)));
  }

  // ---- properties ------------------------------------------------------------------------------

  @Test
  void anyIdArrivesAsExactlyOneSegmentOfItsRoute() {
    Fuzz.theory(EXAMPLES)
        .forAll(ids(), Generate.pick(routes()))
        .checkAssert(
            (id, route) -> {
              server.respond(
                  Response.of(200, "application/json", "{\"success\":true,\"data\":null}"));
              if (id.isEmpty()) {
                assertThatThrownBy(() -> route.call().accept(id))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty");
                assertThat(server.received()).isEmpty();
                return;
              }
              try {
                route.call().accept(id);
              } catch (PortalApiException answerNotDecoded) {
                // the answer does not matter here, only the request
              }
              List<Received> received = server.received();
              assertThat(received).hasSize(1);
              assertThat(received.get(0).method()).isEqualTo(route.method());
              assertThat(variableSegment(route.template(), received.get(0).rawPath()))
                  .satisfies(segment -> assertThat(decode(segment)).isEqualTo(id));
            });
  }

  @Test
  void idsWithAnUnpairedSurrogateAreRefusedBeforeSending() {
    Fuzz.theory(EXAMPLES)
        .forAll(idsWithAnUnpairedSurrogate(), Generate.pick(routes()))
        .checkAssert(
            (id, route) -> {
              server.respond(
                  Response.of(200, "application/json", "{\"success\":true,\"data\":null}"));
              assertThatThrownBy(() -> route.call().accept(id))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("unpaired surrogate");
              assertThat(server.received()).isEmpty();
            });
  }

  @Test
  void anyQueryValueArrivesAsOneParameterDecodingToIt() {
    Fuzz.theory(EXAMPLES * 2 / 3)
        .forAll(ids(), ids())
        .checkAssert(
            (category, search) -> {
              server.respond(
                  Response.of(200, "application/json", "{\"success\":true,\"data\":[]}"));
              portal.email().templates(new EmailTemplateQuery(category, search, null, null, null));

              List<Received> received = server.received();
              assertThat(received).hasSize(1);
              assertThat(received.get(0).rawPath()).isEqualTo("/emails/templates");
              String query = received.get(0).rawQuery();
              assertThat(query).matches("[A-Za-z0-9._~%&=-]*");
              List<String> parameters = List.of(query.split("&", -1));
              assertThat(parameters).hasSize(2);
              assertThat(parameters.get(0)).startsWith("category=");
              assertThat(parameters.get(1)).startsWith("search=");
              assertThat(decode(parameters.get(0).substring("category=".length())))
                  .isEqualTo(category);
              assertThat(decode(parameters.get(1).substring("search=".length()))).isEqualTo(search);
            });
  }

  @Test
  void queryValuesWithAnUnpairedSurrogateAreRefusedBeforeSending() {
    Fuzz.theory(EXAMPLES / 3)
        .forAll(idsWithAnUnpairedSurrogate())
        .checkAssert(
            search -> {
              server.respond(
                  Response.of(200, "application/json", "{\"success\":true,\"data\":[]}"));
              assertThatThrownBy(
                      () ->
                          portal
                              .email()
                              .templates(new EmailTemplateQuery(null, search, null, null, null)))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("unpaired surrogate")
                  .hasMessageContaining("'search'");
              assertThat(server.received()).isEmpty();
            });
  }

  @Test
  void encodedSegmentsHoldOnlyUnreservedCharactersAndDecodeToTheId() {
    Fuzz.theory(5_000)
        .forAll(ids().assuming(id -> !id.isEmpty()))
        .checkAssert(
            id -> {
              String segment = UriTemplates.encodeSegment("id", id);
              assertThat(segment).matches("[A-Za-z0-9._~%-]+").isNotIn(".", "..");
              assertThat(decode(segment)).isEqualTo(id);
            });
  }

  // ---- examples kept as plain tests --------------------------------------------------------

  @Test
  void anUnpairedSurrogateIsRefusedRatherThanSentAsAQuestionMark() {
    // getBytes(UTF_8) turns a lone surrogate into '?': "a\uD800" was sent as /users/a%3F
    assertThatThrownBy(() -> portal.user().findById("a\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path variable 'id'")
        .hasMessageContaining("unpaired surrogate U+D800 at index 1");
    assertThatThrownBy(() -> UriTemplates.encode("\uDC00z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate U+DC00 at index 0");
  }

  @Test
  void aSurrogatePairIsEncodedAsTheUtf8OfItsCodePoint() {
    assertThat(UriTemplates.encodeSegment("id", "\uD83D\uDE00")).isEqualTo("%F0%9F%98%80");
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * The one segment of {@code rawPath} where the template's variable sits, after checking that
   * every other segment is the template's own and that the count of segments is the same.
   */
  private static String variableSegment(String template, String rawPath) {
    String[] expected = template.split("/", -1);
    String[] actual = rawPath.split("/", -1);
    assertThat(actual).as("segments of %s", rawPath).hasSameSizeAs(expected);
    String variable = null;
    for (int i = 0; i < expected.length; i++) {
      if (expected[i].equals("{}")) {
        variable = actual[i];
      } else {
        assertThat(actual[i]).as("segment %d of %s", i, rawPath).isEqualTo(expected[i]);
      }
    }
    assertThat(variable).isNotNull().doesNotContain("/", "?", "#").isNotIn(".", "..", "");
    return variable;
  }

  /** Strict percent-decoding: every {@code %} starts two hex digits; the bytes must be UTF-8. */
  private static String decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        assertThat(i + 2).as("a %% ends %s", encoded).isLessThan(encoded.length());
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        assertThat(high).isNotNegative();
        assertThat(low).isNotNegative();
        bytes.write(high << 4 | low);
        i += 2;
      } else {
        assertThat(c).isLessThan((char) 0x80);
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return fail("%s is not the percent-encoding of UTF-8", encoded);
    }
  }

  // ---- generators ----------------------------------------------------------------------------

  /** Well-formed text of any kind: delimiters, dot segments, controls, astral code points. */
  private static Gen<String> ids() {
    Gen<String> piece =
        Generate.oneOf(
            Generate.pick(
                List.of(
                    "/",
                    "?",
                    "#",
                    "%",
                    "%2F",
                    "%2e%2e",
                    "%%",
                    "..",
                    ".",
                    "./",
                    "../",
                    "+",
                    "&",
                    "=",
                    ";",
                    ",",
                    ":",
                    "@",
                    "[",
                    "]",
                    "!",
                    "$",
                    "'",
                    "(",
                    ")",
                    "*",
                    " ",
                    "\t",
                    "\u0000",
                    "\r\n",
                    "\u007f",
                    "\u0085",
                    "\u00a0",
                    "\u2028",
                    "\ufeff",
                    "\ufffd",
                    "\uffff",
                    "😀",
                    "\uD800\uDC00",
                    "\uDBFF\uDFFF",
                    "日本",
                    "Zoë",
                    "usr_01H~x.y",
                    "\\",
                    "\"",
                    "<",
                    ">",
                    "{id}",
                    "~")),
            strings().basicLatinAlphabet().ofLengthBetween(0, 6),
            strings().allPossible().ofLengthBetween(0, 4),
            strings().betweenCodePoints(0x10000, 0x10ffff).ofLengthBetween(1, 2));
    return Generate.frequency(
            org.quicktheories.api.Pair.of(1, Generate.pick(List.of("", ".", "..", "..."))),
            org.quicktheories.api.Pair.of(
                12, lists().of(piece).ofSizeBetween(1, 6).map(parts -> String.join("", parts))))
        .assuming(PathVariableFuzzTests::isWellFormed)
        .describedAs(PathVariableFuzzTests::escape);
  }

  /** The text with everything but printable ASCII written as {@code \\uXXXX}, for reports. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.chars()
        .forEach(
            c -> {
              if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append((char) c);
              } else {
                out.append(String.format("\\u%04X", c));
              }
            });
    return out.append('"').toString();
  }

  /** Text with at least one surrogate that has no partner. */
  private static Gen<String> idsWithAnUnpairedSurrogate() {
    Gen<Character> lone =
        Generate.oneOf(Generate.characters(0xD800, 0xDBFF), Generate.characters(0xDC00, 0xDFFF));
    return ids()
        .zip(
            lone,
            integers().between(0, 100),
            (id, surrogate, at) -> {
              List<String> parts = new ArrayList<>();
              int cut = Math.min(at, id.length());
              // never split a pair of the id itself, never complete a pair with the lone one
              while (cut > 0 && cut < id.length() && Character.isLowSurrogate(id.charAt(cut))) {
                cut--;
              }
              parts.add(id.substring(0, cut));
              parts.add(String.valueOf(surrogate));
              parts.add(id.substring(cut));
              String joined = String.join("", parts);
              return isWellFormed(joined) ? joined + "\uDC00\uDC00" : joined;
            })
        .describedAs(PathVariableFuzzTests::escape);
  }

  private static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
