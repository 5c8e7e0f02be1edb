package com.winwinmbs.portal.api.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.winwinmbs.portal.api.test.MockPortalMain.ExitException;
import com.winwinmbs.portal.api.test.MockPortalMain.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The mock portal's command line, started in this JVM and called over HTTP as a user would. */
class MockPortalMainTests {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  /** What {@code start} handed over before printing the banner. */
  private final List<MockPortal> started = new ArrayList<>();

  @Test
  void printsWhatAnApplicationNeedsAndServesTokensAndRoutesAtThatAddress() throws Exception {
    MockPortal portal =
        Objects.requireNonNull(MockPortalMain.start(List.of("--port=0"), out, started::add));
    String baseUrl = portal.baseUrl();
    assertThat(started).containsExactly(portal);
    try {
      String text = printed.toString(StandardCharsets.UTF_8);
      assertThat(printedValue(text, "base URL")).isEqualTo(baseUrl);
      String tokenEndpoint = printedValue(text, "token endpoint");
      String clientId = printedValue(text, "client id");
      String clientSecret = printedValue(text, "client secret");

      assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
      assertThat(text)
          .contains("      base-url: " + baseUrl + "\n")
          .contains("        client-id: " + clientId + "\n")
          .contains("        client-secret: " + clientSecret + "\n")
          .endsWith("Ctrl+C stops it.\n");

      HttpResponse<String> token =
          http.send(
              HttpRequest.newBuilder(URI.create(tokenEndpoint))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"grant_type\":\"client_credentials\",\"client_id\":\""
                              + clientId
                              + "\",\"client_secret\":\""
                              + clientSecret
                              + "\"}"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(token.statusCode()).isEqualTo(200);
      Matcher accessToken = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
      assertThat(accessToken.find()).isTrue();

      HttpResponse<String> user =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/users/usr_01HZX3ADMIN0000000000000001"))
                  .header("Authorization", "Bearer " + accessToken.group(1))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(user.statusCode()).isEqualTo(200);
      assertThat(user.body()).contains("\"email\":\"admin@winwinmbs.co.th\"");
    } finally {
      portal.close();
    }
    // A new client: the first one's pooled connection would fail otherwise.
    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aTakenPortIsReportedInOneLineThatSaysWhatToPass() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> MockPortalMain.start(List.of("--port=" + port), out, started::add))
          .isInstanceOfSatisfying(
              ExitException.class,
              e -> {
                assertThat(e.status()).isEqualTo(1);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "Port "
                            + port
                            + " is already in use (a mock portal may be running there already):"
                            + " pass --port=<another port>, or --port=0 for a free one.");
              });
    }
    assertThat(started).isEmpty();
  }

  @Test
  void withoutArgumentsItListensOnTheDocumentedPort() {
    assertThat(Options.parse(List.of())).isEqualTo(new Options(8089, false));
    assertThat(Options.parse(List.of("--port=9000"))).isEqualTo(new Options(9000, false));
    assertThat(Options.parse(List.of("--port=0"))).isEqualTo(new Options(0, false));
  }

  @Test
  void aPortOutsideTheRangeOrNotANumberIsRefusedWithTheRange() {
    for (String value : List.of("abc", "", "-1", "65536", "80.5")) {
      assertThatThrownBy(() -> MockPortalMain.start(List.of("--port=" + value), out, started::add))
          .isInstanceOfSatisfying(
              ExitException.class,
              e -> {
                assertThat(e.status()).isEqualTo(2);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "--port must be a number from 0 to 65535 (0 picks a free port), not '"
                            + value
                            + "'.");
              });
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anUnknownArgumentIsRefusedWithTheUsage() {
    assertThatThrownBy(() -> MockPortalMain.start(List.of("--prot=9000"), out, started::add))
        .isInstanceOfSatisfying(
            ExitException.class,
            e -> {
              assertThat(e.status()).isEqualTo(2);
              assertThat(e.getMessage())
                  .startsWith("Unknown argument '--prot=9000'.\nUsage: java -jar ")
                  .contains("--port=<port>");
            });
  }

  @Test
  void helpPrintsTheUsageAndStartsNothing() {
    assertThat(MockPortalMain.start(List.of("--help"), out, started::add)).isNull();
    assertThat(started).isEmpty();

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .startsWith("Usage: java -jar portal-api-test-<version>-standalone.jar [--port=<port>]")
        .contains("8089 by default; 0 picks a free one");
  }

  /** The value printed after {@code label} on a line of its own. */
  static String printedValue(String text, String label) {
    Matcher line = Pattern.compile("(?m)^  " + Pattern.quote(label) + " +(\\S+)").matcher(text);
    assertThat(line.find()).as("a line '%s' in:%n%s", label, text).isTrue();
    return line.group(1);
  }
}
