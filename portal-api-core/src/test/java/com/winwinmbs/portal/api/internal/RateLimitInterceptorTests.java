package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.testing.LogCapture;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link RateLimitInterceptor} with a scripted end of the chain. */
class RateLimitInterceptorTests {

  private final RateLimitInterceptor link = new RateLimitInterceptor();

  @Test
  void recordsTheLatestStateForTheClientAndTheCall() throws IOException {
    FakeChain chain =
        new FakeChain()
            .thenRespond(
                200,
                "{}",
                "X-RateLimit-Limit",
                "100",
                "X-RateLimit-Remaining",
                "42",
                "X-RateLimit-Reset",
                "1900000000");

    chain.run(link);

    assertThat(link.last())
        .hasValueSatisfying(
            limit -> {
              assertThat(limit.limit()).isEqualTo(100);
              assertThat(limit.remaining()).isEqualTo(42);
              assertThat(limit.reset()).isEqualTo(Instant.ofEpochSecond(1900000000));
            });
    assertThat(chain.exchange().rateLimit()).isEqualTo(link.last().orElseThrow());
  }

  @Test
  void aResponseWithoutTheHeadersKeepsTheClientsStateButNotTheCalls() throws IOException {
    new FakeChain()
        .thenRespond(200, "{}", "X-RateLimit-Limit", "10", "X-RateLimit-Remaining", "9")
        .run(link);
    FakeChain second = new FakeChain().thenRespond(200, "{}");

    second.run(link);

    assertThat(link.last()).isPresent();
    assertThat(second.exchange().rateLimit()).isNull();
  }

  @Test
  void warnsWhenFewerThanATenthOfTheWindowIsLeft() throws IOException {
    try (LogCapture logs = LogCapture.start()) {
      new FakeChain()
          .thenRespond(200, "{}", "X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "3")
          .run(link);

      assertThat(logs.text()).contains("rate limit nearly exhausted: 3 of 100 requests left");
    }
  }
}
