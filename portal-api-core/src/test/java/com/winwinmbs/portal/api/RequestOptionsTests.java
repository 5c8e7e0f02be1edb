package com.winwinmbs.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestOptionsTests {

  private static final TokenSource FIRST_SOURCE = TokenSource.of("first-token");
  private static final TokenSource SECOND_SOURCE = TokenSource.of("second-token");

  private final RequestOptions first =
      RequestOptions.builder()
          .header("X-Correlation-Id", "c-1")
          .header("X-Shared", "from-first")
          .timeout(Duration.ofSeconds(5))
          .callTimeout(Duration.ofSeconds(20))
          .maxResponseSize(4096)
          .idempotencyKey("key-1")
          .tenantId("tenant-1")
          .tokenSource(FIRST_SOURCE)
          .build();

  @Test
  void withLaysEverySettingTheOtherHasOverThese() {
    RequestOptions second =
        RequestOptions.builder()
            .timeout(Duration.ofSeconds(1))
            .callTimeout(Duration.ofSeconds(2))
            .maxResponseSize(1024)
            .idempotencyKey("key-2")
            .tenantId("tenant-2")
            .tokenSource(SECOND_SOURCE)
            .build();

    RequestOptions merged = first.with(second);

    assertThat(merged.timeout()).contains(Duration.ofSeconds(1));
    assertThat(merged.callTimeout()).contains(Duration.ofSeconds(2));
    assertThat(merged.maxResponseSize()).contains(1024L);
    assertThat(merged.idempotencyKey()).contains("key-2");
    assertThat(merged.tenantId()).contains("tenant-2");
    assertThat(merged.tokenSource()).containsSame(SECOND_SOURCE);
  }

  @Test
  void withKeepsEverySettingTheOtherLeavesUnset() {
    RequestOptions merged = first.with(RequestOptions.builder().header("X-Other", "o").build());

    assertThat(merged.timeout()).contains(Duration.ofSeconds(5));
    assertThat(merged.callTimeout()).contains(Duration.ofSeconds(20));
    assertThat(merged.maxResponseSize()).contains(4096L);
    assertThat(merged.idempotencyKey()).contains("key-1");
    assertThat(merged.tenantId()).contains("tenant-1");
    assertThat(merged.tokenSource()).containsSame(FIRST_SOURCE);
  }

  @Test
  void withCombinesHeadersAndTheOthersHeaderOfTheSameNameInAnyCaseReplacesThisOnes() {
    RequestOptions second =
        RequestOptions.builder().header("x-shared", "from-second").header("X-Added", "a").build();

    RequestOptions merged = first.with(second);

    assertThat(merged.headers().values("X-Shared")).containsExactly("from-second");
    assertThat(merged.headers().first("X-Correlation-Id")).contains("c-1");
    assertThat(merged.headers().first("X-Added")).contains("a");
    assertThat(merged.headers().names()).hasSize(3);
  }

  @Test
  void withReplacesEveryValueOfAHeaderTheOtherNames() {
    RequestOptions many =
        RequestOptions.builder()
            .header("Accept-Language", "th")
            .build()
            .with(RequestOptions.builder().header("X-Tag", "one").build());
    RequestOptions twoTags =
        RequestOptions.builder()
            .header("X-Tag", "two")
            .build()
            .with(RequestOptions.builder().header("X-Other", "x").build());

    RequestOptions merged = many.with(twoTags);

    assertThat(merged.headers().values("X-Tag")).isEqualTo(List.of("two"));
    assertThat(merged.headers().first("Accept-Language")).contains("th");
    assertThat(merged.headers().first("X-Other")).contains("x");
  }

  @Test
  void withNoneOnEitherSideIsTheOtherSidesSettings() {
    assertThat(first.with(RequestOptions.none())).isSameAs(first);
    assertThat(RequestOptions.none().with(first)).isSameAs(first);
  }

  @Test
  void withChangesNeitherOfTheTwo() {
    RequestOptions second = RequestOptions.builder().header("X-Shared", "from-second").build();

    first.with(second);

    assertThat(first.headers().first("X-Shared")).contains("from-first");
    assertThat(second.headers().names()).containsExactly("X-Shared");
    assertThat(second.timeout()).isEmpty();
  }

  @Test
  void withNullIsRefused() {
    assertThatNullPointerException()
        .isThrownBy(() -> first.with(null))
        .withMessage("other == null");
  }
}
