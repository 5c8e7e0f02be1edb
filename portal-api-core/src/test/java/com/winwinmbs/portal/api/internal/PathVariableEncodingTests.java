package com.winwinmbs.portal.api.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.testing.TestClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@WireMockTest
class PathVariableEncodingTests {

  private RequestExecutor executor;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"id\":\"x\"}}")));
    executor = TestClients.executor(TestClients.client(wm));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "../admin        | /users/..%2Fadmin",
        "a/b?c#d         | /users/a%2Fb%3Fc%23d",
        "..              | /users/%2E%2E",
        ".               | /users/%2E",
        "%2e%2e          | /users/%252e%252e",
        "%00             | /users/%2500",
        "\"john doe\"    | /users/john%20doe",
        "\"  \"          | /users/%20%20",
        "Zoë-日本         | /users/Zo%C3%AB-%E6%97%A5%E6%9C%AC",
        "a+b=c&d;e       | /users/a%2Bb%3Dc%26d%3Be",
        "usr_01H~x.y     | /users/usr_01H~x.y",
      })
  void pathVariableStaysInItsSegment(String id, String expectedPath, WireMockRuntimeInfo wm) {
    executor.execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", id), Map.class);

    List<LoggedRequest> requests = wm.getWireMock().find(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getUrl()).isEqualTo(expectedPath);
  }

  @Test
  void eachVariableOfATwoVariableRouteIsItsOwnSegment(WireMockRuntimeInfo wm) {
    executor.executeVoid(
        Call.to(Endpoints.USER_SET_ROLES)
            .path("id", "../roles")
            .json(Map.of("roleIds", List.of())));

    List<LoggedRequest> requests = wm.getWireMock().find(anyRequestedFor(anyUrl()));
    assertThat(requests)
        .singleElement()
        .extracting(LoggedRequest::getUrl)
        .isEqualTo("/users/..%2Froles/roles");
  }

  @Test
  void emptyIdIsRefusedBeforeAnythingIsSent(WireMockRuntimeInfo wm) {
    assertThatThrownBy(
            () -> executor.execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", ""), Map.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'id'")
        .hasMessageContaining("empty");

    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void missingOrUnknownVariableIsRefusedBeforeAnythingIsSent(WireMockRuntimeInfo wm) {
    assertThatThrownBy(() -> executor.execute(Call.to(Endpoints.USER_FIND_BY_ID), Map.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'id'")
        .hasMessageContaining("missing");
    assertThatThrownBy(
            () ->
                executor.execute(
                    Call.to(Endpoints.USER_FIND_BY_ID).path("id", "1").path("userId", "2"),
                    Map.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/users/{id}");

    assertThat(wm.getWireMock().getServeEvents()).isEmpty();
  }

  @Test
  void queryParametersAreEncodedAndRepeatedForCollections(WireMockRuntimeInfo wm) {
    executor.execute(
        Call.to(Endpoints.USER_FIND_BY_ID)
            .path("id", "u1")
            .query("q", "a&b=c #d")
            .query("tag", List.of("x", "y/z"))
            .query("skipped", null),
        Map.class);

    List<LoggedRequest> requests = wm.getWireMock().find(anyRequestedFor(anyUrl()));
    assertThat(requests)
        .singleElement()
        .extracting(LoggedRequest::getUrl)
        .isEqualTo("/users/u1?q=a%26b%3Dc%20%23d&tag=x&tag=y%2Fz");
  }
}
