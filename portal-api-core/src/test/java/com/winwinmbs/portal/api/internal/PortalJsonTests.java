package com.winwinmbs.portal.api.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.ApiResponse;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

@WireMockTest
class PortalJsonTests {

  /** A payload the client knows only part of. */
  record Member(String id, String displayName, int loginCount, Instant createdAt) {}

  /** A request body with a null field and dates. */
  record Draft(String displayName, String middleName, Instant createdAt, LocalDate birthday) {}

  private static final String MEMBER_WITH_EXTRAS =
      """
      {"success":true,"data":{"id":"usr_1","displayName":"Ann Lee","loginCount":null,
       "createdAt":"2026-11-22T08:00:00Z","new_field":{"nested":[1,2,{"deep":true}]},"flag":true},
       "meta":{"version":"2.1"},"trailing":"x"}""";

  /**
   * What an application might configure globally for its own JSON; none of it may reach the client.
   */
  private static JsonMapper applicationMapper() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
        .changeDefaultPropertyInclusion(
            include -> include.withValueInclusion(JsonInclude.Include.ALWAYS))
        .build();
  }

  @Test
  void unknownFieldsAndNullPrimitivesNeverFailDecoding(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(MEMBER_WITH_EXTRAS)));
    JsonMapper application = applicationMapper();

    Member member =
        TestClients.executor(TestClients.client(wm))
            .execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", "usr_1"), Member.class);

    assertThat(member)
        .isEqualTo(new Member("usr_1", "Ann Lee", 0, Instant.parse("2026-11-22T08:00:00Z")));
    // the same body fails under the application's settings: the client did not use them
    assertThatThrownBy(
            () ->
                application.readValue(
                    MEMBER_WITH_EXTRAS,
                    application
                        .getTypeFactory()
                        .constructParametricType(ApiResponse.class, Member.class)))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void applicationMapperSettingsDoNotChangeWhatIsSent(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":null}")));
    JsonMapper application = applicationMapper();
    Draft draft =
        new Draft(
            "Ann Lee", null, Instant.parse("2026-11-22T08:00:00Z"), LocalDate.of(1990, 5, 17));
    String applicationJson = application.writeValueAsString(draft);

    TestClients.executor(TestClients.client(wm))
        .executeVoid(Call.to(Endpoints.USER_CREATE).json(draft));

    List<LoggedRequest> requests = wm.getWireMock().find(anyRequestedFor(anyUrl()));
    assertThat(requests)
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
              assertThat(request.getBodyAsString())
                  .isEqualTo(
                      "{\"displayName\":\"Ann Lee\",\"createdAt\":\"2026-11-22T08:00:00Z\",\"birthday\":\"1990-05-17\"}");
            });
    assertThat(applicationJson)
        .contains("\"DisplayName\"")
        .contains("\"MiddleName\" : null")
        .contains("\n");
  }

  @Test
  void mapperIsTheClientsOwnAndFreshMappersMatchIt() {
    JsonMapper fresh = PortalJson.newMapper();

    assertThat(fresh).isNotSameAs(PortalJson.MAPPER);
    assertThat(fresh.writeValueAsString(new Draft("A", null, null, null)))
        .isEqualTo(PortalJson.MAPPER.writeValueAsString(new Draft("A", null, null, null)))
        .isEqualTo("{\"displayName\":\"A\"}");
    assertThat(PortalJson.MAPPER.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
        .isFalse();
  }

  @Test
  void nestingBeyondTheLimitFailsAsADecodeErrorNotAStackOverflow(WireMockRuntimeInfo wm) {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":true,\"data\":{\"id\":\"u\",\"x\":" + deep + "}}")));

    assertThatThrownBy(() -> TestClients.client(wm).user().findById("u"))
        .isInstanceOfSatisfying(
            com.winwinmbs.portal.api.PortalApiException.class,
            e -> assertThat(e.code()).isEqualTo("DECODE_ERROR"));
  }

  @Test
  void theMapperRefusesNumbersAndNestingPastItsConstraints() {
    String longNumber = "{\"n\":" + "9".repeat(100_000) + "}";
    String deep = "[".repeat(501) + "]".repeat(501);

    assertThatThrownBy(() -> PortalJson.MAPPER.readTree(longNumber))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("Number value length");
    assertThatThrownBy(() -> PortalJson.MAPPER.readTree(deep))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("nesting depth");
    assertThat(PortalJson.MAPPER.readTree("[".repeat(400) + "]".repeat(400))).isNotNull();
  }
}
