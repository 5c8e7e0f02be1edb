package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.testing.RecordingSleeper;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 429 that asks for a wait no number type holds is a wait longer than any allowed one: the call
 * fails at once with {@link RateLimitException}, as for {@code Retry-After: 9223372036854775807},
 * instead of reading the value as garbage and retrying without waiting.
 */
@WireMockTest
class RetryAfterBeyondALongTests {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "Retry-After, 99999999999999999999",
    "Retry-After, 000000000000000000000000000099999999999999999999",
    "Retry-After, 9223372036854775808",
    "X-RateLimit-Reset, 99999999999999999999",
    "X-RateLimit-Reset, 31556889864403200", // one second after Instant.MAX
    "X-RateLimit-Reset, 9223372036854775807"
  })
  void aWaitBeyondWhatALongOrAnInstantHoldsIsNotRetriedButThrownAsARateLimit(
      String header, String value, WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/users/usr_1")
                .willReturn(
                    aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader(header, value)
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\"}}")));
    RecordingSleeper sleeper = new RecordingSleeper();
    PortalApiClient portal = TestClients.builder(wm).sleeper(sleeper).build();

    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> portal.user().findById("usr_1"));

    assertThat(e.retryAfter()).contains(Duration.ofMillis(Long.MAX_VALUE));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage())
        .contains("asked to wait 9223372036854775807 ms, more than the allowed 60000 ms");
    assertThat(sleeper.waits()).isEmpty();
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).hasSize(1);
  }
}
