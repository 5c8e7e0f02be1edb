package com.winwinmbs.portal.api.systemconfig;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WireMockTest
class SystemConfigApiTests {

  @Test
  void getCategoryDecodesEveryValueTypeAndRedactsSecretsInToString(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/system-configs/categories/email")
                .willReturn(okJson(Fixtures.read("systemconfig/email-category.json"))));

    List<SystemConfig> settings = TestClients.client(wm).systemConfig().getCategory("email");

    assertThat(settings)
        .extracting(SystemConfig::key)
        .containsExactly(
            "email.sender_name", "email.smtp_port", "email.smtp_password", "email.rate_limits");
    assertThat(settings.get(0).value()).isEqualTo("WINWIN Portal");
    assertThat(settings.get(0).type()).isSameAs(SystemConfigType.STRING);
    assertThat(settings.get(0).isPublic()).isTrue();
    assertThat(settings.get(1).value()).isEqualTo(587);
    assertThat(settings.get(1).valueAsString()).isEqualTo("587");
    assertThat(settings.get(3).value()).isEqualTo(Map.of("per_minute", 120, "per_day", 50000));
    assertThat(settings.get(3).additionalProperties()).containsKey("validation");
    SystemConfig password = settings.get(2);
    assertThat(password.sensitive()).isTrue();
    assertThat(password.toString())
        .doesNotContain("smtp-pa55-word-7781")
        .contains("value=[REDACTED]");
    assertThat(settings.get(0).toString()).contains("value=WINWIN Portal");
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/system-configs/categories/email"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
  }

  @Test
  void getByKeyEncodesTheKeyAsOneSegment(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/system-configs/email.sender_name")
                .willReturn(okJson(Fixtures.read("systemconfig/sender-name.json"))));

    SystemConfig setting = TestClients.client(wm).systemConfig().getByKey("email.sender_name");

    assertThat(setting.id()).isEqualTo("cfg_101");
    assertThat(setting.category()).isEqualTo("email");
    assertThat(setting.description()).isEqualTo("Display name in the From header");
    assertThat(setting.isEncrypted()).isFalse();
    assertThat(setting.updatedBy()).isEqualTo("3f8e2b6a-91c4-4d0e-b7a2-5c1d9e8f0a11");
    assertThat(setting.updatedAt()).isEqualTo(Instant.parse("2026-09-02T04:20:00Z"));
    wm.getWireMock().verifyThat(getRequestedFor(urlEqualTo("/system-configs/email.sender_name")));
  }

  @Test
  void updatePutsTheValueAndDescription(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            put("/system-configs/email.sender_name")
                .willReturn(okJson(Fixtures.read("systemconfig/sender-name.json"))));
    SystemConfigUpdateRequest request =
        new SystemConfigUpdateRequest("WINWIN Portal", "Display name in the From header", null);

    SystemConfig updated =
        TestClients.client(wm)
            .systemConfig()
            .withOptions(RequestOptions.builder().idempotencyKey("cfg-sender-name-v2").build())
            .update("email.sender_name", request);

    assertThat(updated.value()).isEqualTo("WINWIN Portal");
    assertThat(request.toString()).doesNotContain("WINWIN Portal").contains("value=[REDACTED]");
    wm.getWireMock()
        .verifyThat(
            putRequestedFor(urlEqualTo("/system-configs/email.sender_name"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Idempotency-Key", equalTo("cfg-sender-name-v2"))
                .withRequestBody(
                    equalToJson(
                        "{\"value\":\"WINWIN Portal\",\"description\":\"Display name in the From header\"}")));
  }

  @Test
  void updateWithNullValueSendsNullToClearIt(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            put("/system-configs/email.reply_to")
                .willReturn(okJson(Fixtures.read("systemconfig/sender-name.json"))));

    TestClients.client(wm)
        .systemConfig()
        .update("email.reply_to", SystemConfigUpdateRequest.of(null));

    wm.getWireMock()
        .verifyThat(
            putRequestedFor(urlEqualTo("/system-configs/email.reply_to"))
                .withRequestBody(equalToJson("{\"value\":null}")));
  }

  @Test
  void unknownTypeAndFieldsRoundTripUnchanged() {
    String json =
        "{\"key\":\"ui.theme\",\"value\":[\"dark\",\"light\"],\"type\":\"enum\",\"options\":[\"dark\",\"light\"]}";

    SystemConfig setting = PortalJson.MAPPER.readValue(json, SystemConfig.class);

    assertThat(setting.type().isKnown()).isFalse();
    assertThat(setting.type().value()).isEqualTo("enum");
    assertThat(PortalJson.MAPPER.readTree(PortalJson.MAPPER.writeValueAsString(setting)))
        .isEqualTo(PortalJson.MAPPER.readTree(json));
  }
}
