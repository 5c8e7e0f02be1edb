package com.winwinmbs.portal.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTests {

  @Test
  void toStringRedactsEveryCredentialHeaderWhateverItsCase() {
    Headers headers =
        Headers.builder()
            .set("authorization", "Bearer eyJ.secret.sig")
            .set("X-API-KEY", "app_key_123")
            .add("Cookie", "session=abc")
            .add("Set-Cookie", "session=def; HttpOnly")
            .set("Proxy-Authorization", "Basic dXNlcjpwYXNz")
            .set("X-Tenant-Id", "tenant-1")
            .set("Accept", "application/json")
            .build();

    String text = headers.toString();

    assertThat(text)
        .doesNotContain(
            "eyJ.secret.sig", "app_key_123", "session=abc", "session=def", "dXNlcjpwYXNz")
        .contains(
            "authorization=[REDACTED]",
            "X-API-KEY=[REDACTED]",
            "Cookie=[REDACTED]",
            "Set-Cookie=[REDACTED]",
            "Proxy-Authorization=[REDACTED]")
        .contains("X-Tenant-Id=tenant-1", "Accept=application/json");
    assertThat(Headers.isSensitive("AUTHORIZATION")).isTrue();
    assertThat(Headers.isSensitive("X-Request-Id")).isFalse();
  }

  @Test
  void toStringShowsWhereALocationPointsButNotItsQueryOrFragment() {
    Headers headers =
        Headers.builder()
            .set("Location", "https://app.acme.com/sso/done?token=eyJ.sso.sig&state=s1")
            .set("content-location", "/files/f1#access=tok-123")
            .add("X-Other", "a?b=c")
            .build();
    Headers plain = Headers.builder().set("Location", "https://app.acme.com/next").build();

    assertThat(headers.toString())
        .doesNotContain("eyJ.sso.sig", "state=s1", "tok-123")
        .contains(
            "Location=https://app.acme.com/sso/done?[REDACTED]",
            "content-location=/files/f1?[REDACTED]",
            "X-Other=a?b=c");
    assertThat(headers.first("Location"))
        .as("the value itself is kept")
        .contains("https://app.acme.com/sso/done?token=eyJ.sso.sig&state=s1");
    assertThat(plain.toString()).contains("Location=https://app.acme.com/next");
  }

  @Test
  void namesAreCaseInsensitiveAndKeepTheirFirstSpelling() {
    Headers headers =
        Headers.builder().add("X-Trace", "a").add("x-trace", "b").set("Accept", "x").build();

    assertThat(headers.values("X-TRACE")).containsExactly("a", "b");
    assertThat(headers.first("accept")).contains("x");
    assertThat(headers.names()).containsExactly("X-Trace", "Accept");
    assertThat(headers)
        .isEqualTo(Headers.of(Map.of("x-trace", List.of("a", "b"), "ACCEPT", List.of("x"))));
  }

  @Test
  void setReplacesAndRemoveDeletes() {
    Headers headers =
        Headers.builder()
            .add("A", "1")
            .add("A", "2")
            .set("a", "3")
            .add("B", "x")
            .remove("b")
            .build();

    assertThat(headers.values("A")).containsExactly("3");
    assertThat(headers.first("B")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v\r\nInjected: 1", "v\nInjected: 1", "v\r", "v\u0000"})
  void valueWithCrLfOrNulIsRefusedWithoutEchoingIt(String value) {
    assertThatThrownBy(() -> Headers.builder().add("Authorization", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Authorization")
        .hasMessageContaining("CR, LF or NUL")
        .hasMessageNotContaining("Injected");
    assertThatThrownBy(() -> Headers.builder().set("X-Other", value))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X Space", "X:Colon", "X\r\nY", "Ünicode"})
  void invalidNamesAreRefused(String name) {
    assertThatThrownBy(() -> Headers.builder().set(name, "v"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withSetsOneHeaderAsToBuilderSetBuildDoes() {
    Headers headers =
        Headers.builder()
            .add("Accept", "application/json")
            .add("X-Trace", "a")
            .add("x-trace", "b")
            .build();

    for (String name : List.of("X-TRACE", "accept", "Authorization")) {
      Headers fast = headers.with(name, "v1");
      Headers slow = headers.toBuilder().set(name, "v1").build();

      assertThat(fast).isEqualTo(slow);
      assertThat(fast.names()).containsExactlyElementsOf(slow.names());
      assertThat(fast.toMap()).isEqualTo(slow.toMap());
    }
    assertThat(headers.values("X-Trace")).as("the original is unchanged").containsExactly("a", "b");
    assertThatThrownBy(() -> headers.with("Authorization", "Bearer a\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("X-Evil");
  }

  @Test
  void aValueThatCannotBeSentIsRefusedAfterWithAsWellAsBefore() {
    Headers sendable = Headers.builder().set("Accept", "application/json").build();
    Headers.requireSendable(sendable); // proven once, remembered

    // U+00E9 is a valid header value (the JDK delivers it) but would be sent as '?'
    Headers latin = sendable.with("X-Name", "caf\u00e9");

    assertThatThrownBy(() -> Headers.requireSendable(latin))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value of header X-Name")
        .hasMessageNotContaining("caf");
    assertThatThrownBy(() -> Headers.requireSendable(latin.with("Accept", "text/plain")))
        .isInstanceOf(IllegalArgumentException.class);
    Headers.requireSendable(latin.with("X-Name", "cafe"));
  }

  @Test
  void aBuilderWithThousandsOfNamesKeepsEveryRule() {
    Headers.Builder builder = Headers.builder();
    for (int i = 0; i < 20_000; i++) {
      builder.add("X-H" + i, "v" + i);
    }
    builder.add("x-h5", "again").set("X-H7", "replaced").remove("x-h9");

    Headers headers = builder.build();

    assertThat(headers.names()).hasSize(19_999).startsWith("X-H0", "X-H1");
    assertThat(headers.values("X-H5")).containsExactly("v5", "again");
    assertThat(headers.first("x-h7")).contains("replaced");
    assertThat(headers.first("X-H9")).isEmpty();
    assertThat(headers.first("X-H19999")).contains("v19999");
    assertThat(headers.toBuilder().add("X-H19999", "more").build().values("x-h19999"))
        .containsExactly("v19999", "more");
  }

  @Test
  void aResponsesHeadersAreCheckedAndKeptWithoutPseudoHeaders() {
    Map<String, List<String>> delivered = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    delivered.put(":status", List.of("200"));
    delivered.put("Content-Type", List.of("application/json"));
    delivered.put("set-cookie", List.of("a=1", "b=2"));

    Headers headers = Headers.ofDistinct(delivered);

    assertThat(headers.names()).containsExactly("Content-Type", "set-cookie");
    assertThat(headers.values("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(Headers.ofDistinct(Map.of(":status", List.of("200")))).isEqualTo(Headers.empty());
    assertThatThrownBy(() -> Headers.ofDistinct(Map.of("X-Bad", List.of("a\nb"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Headers.ofDistinct(Map.of("X Bad", List.of("v"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesWhoseFoldedHashesCollideAreStillTold() {
    // "a~" and "b_" hash alike (97 * 31 + 126 == 98 * 31 + 95), as "X-A~" and "x-b_" do folded
    Headers headers =
        Headers.builder().add("X-A~", "tilde").add("x-b_", "underscore").add("Y", "y").build();

    assertThat(headers.first("x-a~")).contains("tilde");
    assertThat(headers.first("X-B_")).contains("underscore");
    assertThat(headers.first("X-C~")).isEmpty();
    assertThat(headers.values("y")).containsExactly("y");
    assertThat(headers.first("\u212A")).isEmpty(); // the Kelvin sign is not a K in a header name
  }
}
