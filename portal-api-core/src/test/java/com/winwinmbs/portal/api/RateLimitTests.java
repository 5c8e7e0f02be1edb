package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WireMockTest
class RateLimitTests {

  private static ResponseDefinitionBuilder ok() {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}");
  }

  private static List<ILoggingEvent> warnings(LogCapture logs) {
    return logs.events().stream().filter(e -> e.getLevel() == Level.WARN).toList();
  }

  @Test
  void lastRateLimitIsEmptyUntilAResponseReportsOne(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(get("/health").willReturn(ok()));
    PortalApiClient portal = TestClients.client(wm);

    assertThat(portal.lastRateLimit()).isEmpty();
    portal.health().check();
    assertThat(portal.lastRateLimit()).isEmpty();
  }

  @Test
  void lastRateLimitIsReadFromTheHeadersOfTheLatestResponse(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    ok().withHeader("X-RateLimit-Limit", "100")
                        .withHeader("X-RateLimit-Remaining", "95")
                        .withHeader("X-RateLimit-Reset", "1699000000")));
    PortalApiClient portal = TestClients.client(wm);

    portal.health().check();

    assertThat(portal.lastRateLimit())
        .contains(new RateLimit(100, 95, Instant.ofEpochSecond(1699000000)));

    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    ok().withHeader("X-RateLimit-Limit", "100")
                        .withHeader("X-RateLimit-Remaining", "94")));
    portal.health().check();

    assertThat(portal.lastRateLimit()).contains(new RateLimit(100, 94, null));
  }

  @Test
  void lastRateLimitIsKeptWhenALaterResponseReportsNone(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    ok().withHeader("X-RateLimit-Limit", "60")
                        .withHeader("X-RateLimit-Remaining", "59")));
    PortalApiClient portal = TestClients.client(wm);
    portal.health().check();

    wm.getWireMock().register(get("/health").willReturn(ok()));
    portal.health().check();

    assertThat(portal.lastRateLimit())
        .hasValueSatisfying(limit -> assertThat(limit.remaining()).isEqualTo(59));
  }

  @Test
  void eachClientKeepsItsOwnRateLimit(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    ok().withHeader("X-RateLimit-Limit", "100")
                        .withHeader("X-RateLimit-Remaining", "50")));
    PortalApiClient used = TestClients.client(wm);
    PortalApiClient unused = used.toBuilder().build();

    used.health().check();

    assertThat(used.lastRateLimit()).isPresent();
    assertThat(unused.lastRateLimit()).isEmpty();
  }

  @Test
  void malformedHeadersAreIgnored() {
    assertThat(
            RateLimit.from(
                Headers.of(
                    Map.of(
                        "X-RateLimit-Limit",
                        List.of("lots"),
                        "X-RateLimit-Remaining",
                        List.of("3")))))
        .isEmpty();
    assertThat(RateLimit.from(Headers.of(Map.of("X-RateLimit-Remaining", List.of("3"))))).isEmpty();
    assertThat(
            RateLimit.from(
                Headers.of(
                    Map.of(
                        "x-ratelimit-limit",
                        List.of(" 10 "),
                        "x-ratelimit-remaining",
                        List.of("3"),
                        "x-ratelimit-reset",
                        List.of("soon")))))
        .contains(new RateLimit(10, 3, null));
  }

  @Test
  void warnsWhenFewerThanTenPercentOfTheRequestsAreLeft(WireMockRuntimeInfo wm) {
    PortalApiClient portal = TestClients.client(wm);

    try (LogCapture logs = LogCapture.start()) {
      wm.getWireMock()
          .register(
              get("/health")
                  .willReturn(
                      ok().withHeader("X-RateLimit-Limit", "100")
                          .withHeader("X-RateLimit-Remaining", "10")
                          .withHeader("X-RateLimit-Reset", "1699000000")));
      portal.health().check();
      assertThat(warnings(logs)).isEmpty();

      wm.getWireMock()
          .register(
              get("/health")
                  .willReturn(
                      ok().withHeader("X-RateLimit-Limit", "100")
                          .withHeader("X-RateLimit-Remaining", "9")
                          .withHeader("X-RateLimit-Reset", "1699000000")));
      portal.health().check();

      assertThat(warnings(logs))
          .singleElement()
          .satisfies(
              event ->
                  assertThat(event.getFormattedMessage())
                      .isEqualTo(
                          "Portal rate limit nearly exhausted: 9 of 100 requests left, window resets at 2023-11-03T08:26:40Z"));
    }
  }

  @Test
  void nearlyExhaustedIsUnderTenPercentOfTheLimit() {
    assertThat(new RateLimit(100, 9, null).isNearlyExhausted()).isTrue();
    assertThat(new RateLimit(100, 10, null).isNearlyExhausted()).isFalse();
    assertThat(new RateLimit(5, 0, null).isNearlyExhausted()).isTrue();
    assertThat(new RateLimit(0, 0, null).isNearlyExhausted()).isFalse();
  }
}
