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
}
