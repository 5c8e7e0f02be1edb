package com.winwinmbs.portal.api.otp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.ServerException;
import com.winwinmbs.portal.api.UnprocessableEntityException;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@WireMockTest
class OtpApiTests {

  @Test
  void requestPostsChannelDestinationAndPurposeAndDecodesTheChallenge(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/otp/request").willReturn(okJson(Fixtures.read("otp/challenge.json"))));

    OtpChallenge challenge =
        TestClients.client(wm)
            .otp()
            .request(
                new OtpRequest(
                    OtpChannel.SMS,
                    "+66812345678",
                    "login",
                    "3f8e2b6a-91c4-4d0e-b7a2-5c1d9e8f0a11",
                    null));

    assertThat(challenge.refCode()).isEqualTo("K7QX");
    assertThat(challenge.channel()).isSameAs(OtpChannel.SMS);
    assertThat(challenge.destination()).isEqualTo("+6681***5678");
    assertThat(challenge.purpose()).isEqualTo("login");
    assertThat(challenge.expiresAt()).isEqualTo(Instant.parse("2026-11-22T08:36:00Z"));
    assertThat(challenge.resendAvailableAt()).isEqualTo(Instant.parse("2026-11-22T08:32:00Z"));
    assertThat(challenge.additionalProperties()).containsEntry("code_length", 6);
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/otp/request"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withRequestBody(
                    equalToJson(
                        """
            {"channel":"sms","destination":"+66812345678","purpose":"login",
             "user_id":"3f8e2b6a-91c4-4d0e-b7a2-5c1d9e8f0a11"}
            """)));
  }

  @Test
  void requestIsNotRetriedAfterA503WithoutIdempotencyKey(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post("/otp/request").willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(
            () ->
                TestClients.client(wm)
                    .otp()
                    .request(OtpRequest.of(OtpChannel.EMAIL, "a@example.co.th", "login")))
        .isInstanceOf(ServerException.class);

    assertThat(wm.getWireMock().find(postRequestedFor(urlEqualTo("/otp/request")))).hasSize(1);
  }

  @Test
  void verifyPostsTheCodeAndNeverLogsOrPrintsIt(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/otp/verify").willReturn(okJson(Fixtures.read("otp/verification.json"))));
    OtpVerifyRequest request = OtpVerifyRequest.of("K7QX", "482913");

    OtpVerification result;
    try (LogCapture logs = LogCapture.start()) {
      result = TestClients.client(wm).otp().verify(request);
      assertThat(logs.text())
          .isNotEmpty()
          .doesNotContain("482913")
          .doesNotContain("otpv_9c1e4b7a2f5d8e0c3b6a9d2f");
    }

    assertThat(result.succeeded()).isTrue();
    assertThat(result.refCode()).isEqualTo("K7QX");
    assertThat(result.attemptsRemaining()).isEqualTo(2);
    assertThat(result.verifiedAt()).isEqualTo(Instant.parse("2026-11-22T08:33:12Z"));
    assertThat(result.verificationToken()).isEqualTo("otpv_9c1e4b7a2f5d8e0c3b6a9d2f");
    assertThat(result.additionalProperties()).containsEntry("purpose", "login");
    assertThat(request.toString()).doesNotContain("482913").contains("code=[REDACTED]");
    assertThat(result.toString())
        .doesNotContain("otpv_9c1e")
        .contains("verificationToken=[REDACTED]");
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/otp/verify"))
                .withRequestBody(equalToJson("{\"ref_code\":\"K7QX\",\"code\":\"482913\"}")));
  }

  @Test
  void verifyOfAWrongCodeThrowsTheDecodedError(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/otp/verify")
                .willReturn(
                    aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"OTP_INVALID\",\"message\":\"Invalid code\","
                                + "\"details\":{\"attempts_remaining\":1}}}")));

    assertThatThrownBy(
            () -> TestClients.client(wm).otp().verify(OtpVerifyRequest.of("K7QX", "000000")))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("Invalid code")
        .hasMessageNotContaining("000000");
  }

  @Test
  void unknownChannelRoundTripsUnchanged() {
    OtpChallenge challenge =
        PortalJson.MAPPER.readValue(
            "{\"ref_code\":\"A1\",\"channel\":\"line\",\"expires_at\":\"2026-11-22T08:36:00Z\"}",
            OtpChallenge.class);

    assertThat(challenge.channel().value()).isEqualTo("line");
    assertThat(challenge.channel().isKnown()).isFalse();
    assertThat(PortalJson.MAPPER.writeValueAsString(challenge))
        .isEqualTo(
            "{\"ref_code\":\"A1\",\"channel\":\"line\",\"expires_at\":\"2026-11-22T08:36:00Z\"}");
  }
}
