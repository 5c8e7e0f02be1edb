package com.winwinmbs.portal.api.email;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WireMockTest
class EmailApiTests {

  @Test
  void sendPostsTheTemplateRequestAndDecodesTheResult(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/emails/send").willReturn(okJson(Fixtures.read("email/send-result.json"))));

    EmailSendResult result =
        TestClients.client(wm)
            .email()
            .withOptions(RequestOptions.builder().idempotencyKey("invoice-42-mail").build())
            .send(
                EmailSendRequest.builder()
                    .to(List.of("somchai@example.co.th", "finance@example.co.th"))
                    .cc(List.of("manager@example.co.th"))
                    .templateCode("invoice")
                    .variables(Map.of("invoice_no", "INV-2026-0042", "amount", 1200.5))
                    .attachmentFileIds(List.of("6f1c2a9e-3b7d-4e21-9c55-0d8f4a7b1e23"))
                    .additionalProperty("priority", "high")
                    .build());

    assertThat(result.id()).isEqualTo("em_01JD5X8Q2W7K3N9R4T6Y8Z0A1B");
    assertThat(result.messageId()).isEqualTo("<0100019342a7c3e1-5b2f@email.amazonses.com>");
    assertThat(result.status()).isEqualTo(EmailStatus.QUEUED);
    assertThat(result.recipients())
        .containsExactly("somchai@example.co.th", "finance@example.co.th");
    assertThat(result.queuedAt()).isEqualTo(Instant.parse("2026-11-22T08:31:05.120Z"));
    assertThat(result.additionalProperties()).containsEntry("provider", "ses");
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/emails/send"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Idempotency-Key", equalTo("invoice-42-mail"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
                .withRequestBody(
                    equalToJson(
                        """
            {"to":["somchai@example.co.th","finance@example.co.th"],"cc":["manager@example.co.th"],
             "template_code":"invoice","variables":{"invoice_no":"INV-2026-0042","amount":1200.5},
             "attachment_file_ids":["6f1c2a9e-3b7d-4e21-9c55-0d8f4a7b1e23"],"priority":"high"}
            """)));
  }

  @Test
  void sendWithOwnSubjectAndBodyWritesThemInSnakeCase(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/emails/send").willReturn(okJson(Fixtures.read("email/send-result.json"))));

    TestClients.client(wm)
        .email()
        .send(
            EmailSendRequest.builder()
                .to(List.of("wanida@example.co.th"))
                .bcc(List.of("audit@example.co.th"))
                .replyTo("support@example.co.th")
                .subject("Your report")
                .html("<p>Attached.</p>")
                .text("Attached.")
                .build());

    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/emails/send"))
                .withRequestBody(
                    equalToJson(
                        """
        {"to":["wanida@example.co.th"],"bcc":["audit@example.co.th"],"reply_to":"support@example.co.th",
         "subject":"Your report","html":"<p>Attached.</p>","text":"Attached."}
        """)));
  }

  @Test
  void sendWithoutRecipientOrContentIsRefusedWithAReason() {
    assertThatThrownBy(() -> EmailSendRequest.builder().templateCode("welcome").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one recipient");
    assertThatThrownBy(
            () -> EmailSendRequest.builder().to(List.of("a@example.co.th")).subject("Hi").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs an html or text body");
  }

  @Test
  void templatesSendsTheFiltersAsQueryAndDecodesThePage(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/emails/templates"))
                .willReturn(okJson(Fixtures.read("email/templates.json"))));

    Page<EmailTemplate> page =
        TestClients.client(wm)
            .email()
            .templates(new EmailTemplateQuery("auth", "pass", true, 1, 20));

    assertThat(page.items()).hasSize(2);
    EmailTemplate welcome = page.items().get(0);
    assertThat(welcome.code()).isEqualTo("welcome");
    assertThat(welcome.name()).isEqualTo("ยินดีต้อนรับ");
    assertThat(welcome.bodyHtml()).contains("{{login_url}}");
    assertThat(welcome.bodyText()).startsWith("สวัสดี");
    assertThat(welcome.variables()).containsExactly("first_name", "login_url");
    assertThat(welcome.isActive()).isTrue();
    assertThat(welcome.updatedAt()).isEqualTo(Instant.parse("2026-06-12T09:44:10Z"));
    assertThat(welcome.additionalProperties()).containsEntry("version", 4);
    assertThat(page.pagination().total()).isEqualTo(2);
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(
                    urlEqualTo(
                        "/emails/templates?category=auth&search=pass&is_active=true&page=1&limit=20"))
                .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void templatesOfTheQueryForAllSendsNoParameters(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/emails/templates"))
                .willReturn(okJson(Fixtures.read("email/templates.json"))));

    TestClients.client(wm).email().templates(EmailTemplateQuery.all());

    wm.getWireMock().verifyThat(getRequestedFor(urlEqualTo("/emails/templates")));
  }

  @Test
  void historySendsStatusDateRangeAndPagingAndKeepsUnknownStatus(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/emails/history"))
                .willReturn(okJson(Fixtures.read("email/history.json"))));

    Page<EmailHistoryEntry> page =
        TestClients.client(wm)
            .email()
            .history(
                EmailHistoryQuery.builder()
                    .status(EmailStatus.FAILED)
                    .templateCode("invoice")
                    .recipient("somchai@example.co.th")
                    .from(Instant.parse("2026-11-01T00:00:00Z"))
                    .to(Instant.parse("2026-11-22T00:00:00Z"))
                    .page(2)
                    .limit(2)
                    .build());

    EmailHistoryEntry failed = page.items().get(0);
    assertThat(failed.status()).isEqualTo(EmailStatus.FAILED);
    assertThat(failed.errorMessage()).startsWith("550");
    assertThat(failed.bcc()).containsExactly("audit@example.co.th");
    assertThat(failed.sentAt()).isNull();
    assertThat(failed.createdAt()).isEqualTo(Instant.parse("2026-11-21T10:02:11Z"));
    assertThat(failed.additionalProperties()).containsEntry("retry_count", 3);
    EmailStatus unknown = page.items().get(1).status();
    assertThat(unknown.value()).isEqualTo("soft_bounced");
    assertThat(unknown.isKnown()).isFalse();
    assertThat(PortalJson.MAPPER.writeValueAsString(page.items().get(1)))
        .contains("\"status\":\"soft_bounced\"");
    assertThat(page.pagination().totalPages()).isEqualTo(5);
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(
                urlEqualTo(
                    "/emails/history?status=failed&template_code=invoice"
                        + "&recipient=somchai%40example.co.th&date_from=2026-11-01T00%3A00%3A00Z&date_to=2026-11-22T00%3A00%3A00Z"
                        + "&page=2&limit=2")));
  }

  @Test
  void historyAllFetchesTheNextPageOnlyWhenReached(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/emails/history"))
                .willReturn(okJson(Fixtures.read("email/history.json"))));

    List<EmailHistoryEntry> first =
        TestClients.client(wm)
            .email()
            .historyAll(EmailHistoryQuery.builder().page(2).limit(2).build())
            .limit(1)
            .toList();

    assertThat(first)
        .extracting(EmailHistoryEntry::id)
        .containsExactly("em_01JD5X8Q2W7K3N9R4T6Y8Z0A1B");
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/emails/history"))))
        .hasSize(1);
  }

  @Test
  void templatesAllFetchesEveryPageAndKeepsTheFilters(WireMockRuntimeInfo wm) {
    for (int page = 1; page <= 2; page++) {
      wm.getWireMock()
          .register(
              get(urlEqualTo("/emails/templates?category=auth&page=" + page))
                  .willReturn(
                      okJson(
                          """
                          {"success": true, "data": [{"id": "tpl_%1$d", "code": "c%1$d"}],
                           "pagination": {"page": %1$d, "limit": 1, "total": 2, "total_pages": 2}}
                          """
                              .formatted(page))));
    }

    List<String> ids =
        TestClients.client(wm)
            .email()
            .templatesAll(EmailTemplateQuery.category("auth"))
            .map(EmailTemplate::id)
            .toList();

    assertThat(ids).containsExactly("tpl_1", "tpl_2");
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/emails/templates"))))
        .hasSize(2);
  }

  @Test
  void historyQueryWithRangeEndingBeforeItStartsIsRefused() {
    assertThatThrownBy(
            () ->
                EmailHistoryQuery.builder()
                    .from(Instant.parse("2026-11-22T00:00:00Z"))
                    .to(Instant.parse("2026-11-01T00:00:00Z"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends (2026-11-01T00:00:00Z) before it starts");
  }

  @Test
  void emailStatusDecodesKnownValuesToTheirConstants() {
    assertThat(PortalJson.MAPPER.readValue("\"delivered\"", EmailStatus.class))
        .isSameAs(EmailStatus.DELIVERED);
    assertThat(EmailStatus.of("queued").isKnown()).isTrue();
  }
}
