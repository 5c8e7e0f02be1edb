package com.winwinmbs.portal.api.line;

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
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WireMockTest
class LineApiTests {

  private static final String USER_ID = "3f8e2b6a-91c4-4d0e-b7a2-5c1d9e8f0a11";

  @Test
  void linkPostsTheLoginCodeAndDecodesTheLink(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/line/link").willReturn(okJson(Fixtures.read("line/link.json"))));
    LineLinkRequest request =
        LineLinkRequest.builder()
            .userId(USER_ID)
            .code("lineAuthCode-8f2a91")
            .redirectUri("https://app.example.co.th/line/callback")
            .build();

    LineLink link = TestClients.client(wm).line().link(request);

    assertThat(link.id()).isEqualTo("ln_8d2f6a1c");
    assertThat(link.userId()).isEqualTo(USER_ID);
    assertThat(link.lineUserId()).isEqualTo("U4af4980629e5f1c2a8b3d7e9f0a1b2c3");
    assertThat(link.displayName()).isEqualTo("สมชาย ใจดี");
    assertThat(link.pictureUrl()).startsWith("https://profile.line-scdn.net/");
    assertThat(link.statusMessage()).isEqualTo("Working from Bangkok");
    assertThat(link.isActive()).isTrue();
    assertThat(link.linkedAt()).isEqualTo(Instant.parse("2026-11-22T08:40:00Z"));
    assertThat(link.additionalProperties()).containsEntry("channel_id", "1657012345");
    assertThat(request.toString())
        .doesNotContain("lineAuthCode-8f2a91")
        .contains("code=[REDACTED]");
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/line/link"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withRequestBody(
                    equalToJson(
                        """
            {"user_id":"3f8e2b6a-91c4-4d0e-b7a2-5c1d9e8f0a11","code":"lineAuthCode-8f2a91",
             "redirect_uri":"https://app.example.co.th/line/callback"}
            """)));
  }

  @Test
  void linkWithoutLineUserIdOrCodeIsRefused() {
    assertThatThrownBy(() -> LineLinkRequest.builder().userId(USER_ID).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a lineUserId or the code of a LINE Login");
  }

  @Test
  void unlinkPostsTheUser(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/line/unlink")
                .willReturn(
                    okJson(
                        "{\"success\":true,\"data\":null,\"message\":\"LINE account unlinked\"}")));

    TestClients.client(wm)
        .line()
        .withOptions(RequestOptions.builder().tenantId("acme").build())
        .unlink(LineUnlinkRequest.of(USER_ID));

    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/line/unlink"))
                .withHeader("X-Tenant-Id", equalTo("acme"))
                .withRequestBody(
                    equalToJson("{\"user_id\":\"3f8e2b6a-91c4-4d0e-b7a2-5c1d9e8f0a11\"}")));
  }

  @Test
  void notifyPostsRecipientsAndMessagesAndDecodesTheResult(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/line/notify").willReturn(okJson(Fixtures.read("line/notify-result.json"))));

    LineNotifyResult result =
        TestClients.client(wm)
            .line()
            .notify(
                LineNotifyRequest.builder()
                    .userIds(List.of(USER_ID, "9a0b1c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d"))
                    .lineUserIds(List.of("U1111"))
                    .message("ใบขอซื้อ PR-2026-118 รออนุมัติ")
                    .messages(
                        List.of(Map.of("type", "sticker", "packageId", "446", "stickerId", "1988")))
                    .notificationDisabled(true)
                    .build());

    assertThat(result.requestId()).isEqualTo("lnr_5e7a9c1b3d");
    assertThat(result.sentCount()).isEqualTo(2);
    assertThat(result.failedCount()).isEqualTo(1);
    assertThat(result.failedUserIds()).containsExactly("9a0b1c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d");
    assertThat(result.additionalProperties()).containsEntry("quota_remaining", 498);
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/line/notify"))
                .withRequestBody(
                    equalToJson(
                        """
        {"user_ids":["3f8e2b6a-91c4-4d0e-b7a2-5c1d9e8f0a11","9a0b1c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d"],
         "line_user_ids":["U1111"],"message":"ใบขอซื้อ PR-2026-118 รออนุมัติ",
         "messages":[{"type":"sticker","packageId":"446","stickerId":"1988"}],"notification_disabled":true}
        """)));
  }

  @Test
  void notifyWithTemplateSendsCodeAndVariables(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/line/notify").willReturn(okJson(Fixtures.read("line/notify-result.json"))));

    TestClients.client(wm)
        .line()
        .notify(
            LineNotifyRequest.builder()
                .userIds(List.of(USER_ID))
                .templateCode("approval_waiting")
                .variables(Map.of("document_no", "PR-2026-118"))
                .build());

    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/line/notify"))
                .withRequestBody(
                    equalToJson(
                        """
        {"user_ids":["3f8e2b6a-91c4-4d0e-b7a2-5c1d9e8f0a11"],"template_code":"approval_waiting",
         "variables":{"document_no":"PR-2026-118"}}
        """)));
  }

  @Test
  void notifyWithoutRecipientsOrContentIsRefused() {
    assertThatThrownBy(() -> LineNotifyRequest.builder().message("hi").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs userIds or lineUserIds");
    assertThatThrownBy(() -> LineNotifyRequest.builder().userIds(List.of(USER_ID)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a message, messages or a templateCode");
  }
}
