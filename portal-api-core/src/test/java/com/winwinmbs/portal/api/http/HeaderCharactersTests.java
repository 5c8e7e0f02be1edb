package com.winwinmbs.portal.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Headers} refuses exactly what the running JDK's {@code HttpClient} refuses in a request
 * header, checked against the JDK itself for every UTF-16 code unit, so the rule holds on each JDK
 * the build runs on (17 and 25 today: values refuse U+0000–U+0008, U+000A–U+001F, U+007F and
 * everything past U+00FF; names accept only RFC 9110 token characters).
 */
class HeaderCharactersTests {

  @Test
  void aValueIsRefusedForExactlyTheCharactersTheJdkClientRefuses() {
    List<String> disagreements = new ArrayList<>();
    for (int c = 0; c <= 0xFFFF; c++) {
      String value = "a" + (char) c + "b";
      boolean jdkRefuses = refuses(() -> jdkRequest().header("X-Probe", value));
      boolean headersRefuse = refuses(() -> Headers.builder().add("X-Probe", value));
      if (jdkRefuses != headersRefuse) {
        disagreements.add(String.format("U+%04X jdk=%s headers=%s", c, jdkRefuses, headersRefuse));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void aNameIsRefusedForExactlyTheCharactersTheJdkClientRefuses() {
    List<String> disagreements = new ArrayList<>();
    for (int c = 0; c <= 0xFFFF; c++) {
      String name = "X" + (char) c + "Probe";
      boolean jdkRefuses = refuses(() -> jdkRequest().header(name, "v"));
      boolean headersRefuse = refuses(() -> Headers.builder().set(name, "v"));
      if (jdkRefuses != headersRefuse) {
        disagreements.add(String.format("U+%04X jdk=%s headers=%s", c, jdkRefuses, headersRefuse));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void aValueToSendMustAlsoBeAsciiBecauseTheJdkClientSendsLatin1AsQuestionMarks() {
    for (int c = 0x80; c <= 0xFF; c++) {
      String value = "caf" + (char) c;
      assertThat(Headers.builder().add("X-Probe", value).build().first("X-Probe")).contains(value);
      int code = c;
      assertThatThrownBy(() -> Headers.requireSendable("value of header X-Probe", value))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(String.format("U+%04X at index 3", code))
          .hasMessageContaining("outside ASCII");
    }
    assertThat(Headers.requireSendable("value of header X-Probe", "visible ~ and\ttab"))
        .isEqualTo("visible ~ and\ttab");
  }

  @ParameterizedTest(name = "U+{0}")
  @CsvSource({
    "00E9, outside ASCII",
    "20AC, refuses in a header value",
    "007F, refuses in a header value",
    "001B, refuses in a header value",
    "0000, CR, LF or NUL"
  })
  void aRefusalNamesTheHeaderTheCharacterAndItsIndexButNeverTheValue(String hex, String reason) {
    String value = "Bearer tok" + (char) Integer.parseInt(hex, 16) + "Zq81-secret";

    // the record checks its headers before any transport sees them
    assertThatThrownBy(
            () ->
                new TransportRequest(
                    new Endpoint("user", "findById", HttpMethod.GET, "/users/{id}", true, true),
                    HttpMethod.GET,
                    URI.create("https://portal.example.com/users/1"),
                    Map.of(),
                    Headers.builder().add("Authorization", value).build(),
                    null,
                    Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("value of header Authorization holds")
        .hasMessageContaining("U+" + hex)
        .hasMessageContaining("index 10")
        .hasMessageContaining(reason)
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Zq81"));
  }

  private static HttpRequest.Builder jdkRequest() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1/"));
  }

  private static boolean refuses(Runnable action) {
    try {
      action.run();
      return false;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
