package com.winwinmbs.portal.api.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A token that lives no longer than the refresh skew (60 s) is still cached: the effective skew is
 * at most half the token's lifetime. The TypeScript client 2.0.0 fetches such a token again for
 * every call; this client deliberately does not.
 */
@WireMockTest
class ShortLivedTokenTests {

  private final MutableClock clock = MutableClock.start();

  private ClientCredentialsTokenProvider provider(WireMockRuntimeInfo wm, int expiresIn) {
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"access_token\":\"at-short\",\"expires_in\":" + expiresIn + "}")));
    return ClientCredentialsTokenProvider.builder()
        .apiUrl(wm.getHttpBaseUrl())
        .clientId("app_short")
        .clientSecret("secret_short")
        .clock(clock)
        .build();
  }

  private static int tokenRequests(WireMockRuntimeInfo wm) {
    return wm.getWireMock().find(postRequestedFor(urlEqualTo("/oauth/token"))).size();
  }

  @ParameterizedTest(name = "expires_in {0} s: fetched again after {1} ms")
  @CsvSource({
    "1, 500", // half of one second
    "30, 15000",
    "60, 30000",
    "90, 45000",
    "120, 60000", // half the lifetime and the skew meet
    "600, 540000" // the skew alone, as in 2.0.0
  })
  void aTokenIsUsedUntilTheSkewOrHalfItsLifetimeBeforeItExpiresWhicheverComesLater(
      int expiresIn, long refreshAfterMillis, WireMockRuntimeInfo wm) {
    ClientCredentialsTokenProvider tokens = provider(wm, expiresIn);

    for (int i = 0; i < 5; i++) {
      assertThat(tokens.accessToken()).isEqualTo("at-short");
    }
    clock.advance(Duration.ofMillis(refreshAfterMillis - 1));
    tokens.accessToken();
    assertThat(tokenRequests(wm)).isEqualTo(1);

    clock.advance(Duration.ofMillis(1));
    tokens.accessToken();
    assertThat(tokenRequests(wm)).isEqualTo(2);
  }

  @ParameterizedTest(name = "expires_in {0}")
  @CsvSource({"0", "-5"})
  void aTokenThatHasAlreadyExpiredIsFetchedAgainOnEveryCall(int expiresIn, WireMockRuntimeInfo wm) {
    ClientCredentialsTokenProvider tokens = provider(wm, expiresIn);

    tokens.accessToken();
    tokens.accessToken();
    tokens.accessToken();

    assertThat(tokenRequests(wm)).isEqualTo(3);
  }

  @Test
  void portalCallsShareAThirtySecondTokenInsteadOfFetchingOneEach(WireMockRuntimeInfo wm) {
    ClientCredentialsTokenProvider tokens = provider(wm, 30);
    wm.getWireMock()
        .register(
            any(urlPathMatching("/users/.*"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"id\":\"usr_1\"}}")));
    PortalApiClient portal =
        PortalApiClient.builder().apiUrl(wm.getHttpBaseUrl()).tokenSource(tokens).build();

    for (int i = 0; i < 10; i++) {
      portal.user().findById("usr_1");
    }

    assertThat(tokenRequests(wm)).isEqualTo(1);
    wm.getWireMock()
        .verifyThat(
            10,
            getRequestedFor(urlEqualTo("/users/usr_1"))
                .withHeader("Authorization", equalTo("Bearer at-short")));
    assertThat(wm.getWireMock().find(getRequestedFor(anyUrl()))).hasSize(10);
  }
}
