package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.oauth.TokenRequestFormat;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.TestClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WireMockTest
class LoggingTests {

  private static final String API_KEY = "app_live_key_Q8w2Zr";
  private static final String CLIENT_SECRET = "secret_m2m_7fGh2";
  private static final String STALE = "eyJhbGciOiJIUzI1NiJ9.stale.S1gn";
  private static final String FRESH = "eyJhbGciOiJIUzI1NiJ9.fresh.S1gn";
  private static final String USER_TOKEN = "eyJ.user-forwarded.tok";
  private static final String CONSTANT = "static-bearer-Kp93";
  private static final String COOKIE = "portal_session=s%3Acookie-secret-991";

  private static List<ILoggingEvent> callLines(LogCapture logs) {
    return logs.events().stream()
        .filter(
            e ->
                e.getLevel() == Level.DEBUG
                    && e.getFormattedMessage().contains(" -> ")
                    && e.getFormattedMessage().contains(" ms (attempts="))
        .toList();
  }

  @Test
  void debugLogsOneLinePerCallWithTemplateStatusDurationAttemptsAndRequestId(
      WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathMatching("/users/.*"))
                .inScenario("s")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
    wm.getWireMock()
        .register(
            get(urlPathMatching("/users/.*"))
                .inScenario("s")
                .whenScenarioStateIs("up")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "req_ok1")
                        .withBody("{\"success\":true,\"data\":{\"id\":\"usr_42\"}}")));
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no\",\"requestId\":\"req_nf2\"}}")));
    PortalApiClient portal = TestClients.client(wm);
    RequestExecutor executor = TestClients.executor(portal);

    try (LogCapture logs = LogCapture.start()) {
      executor.execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", "usr_42"), Map.class);
      catchThrowable(() -> portal.health().check());

      List<ILoggingEvent> lines = callLines(logs);
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0).getFormattedMessage())
          .matches("GET /users/\\{id} -> 200 in \\d+ ms \\(attempts=2, requestId=req_ok1\\)");
      assertThat(lines.get(1).getFormattedMessage())
          .matches(
              "GET /health -> 404 in \\d+ ms \\(attempts=1, requestId=req_nf2, error=NotFoundException\\)");
      assertThat(lines)
          .allSatisfy(
              line ->
                  assertThat(line.getLoggerName())
                      .isEqualTo("com.winwinmbs.portal.api.PortalApiClient"));
    }
  }

  @Test
  void traceLogsOfAMixedWorkloadNeverHoldATokenSecretKeyOrCookie(WireMockRuntimeInfo wm) {
    // token endpoint: a stale token first, then a fresh one; the portal rejects the stale one
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("t")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + STALE + "\",\"expires_in\":3600}"))
                .willSetStateTo("fresh"));
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .inScenario("t")
                .whenScenarioStateIs("fresh")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + FRESH + "\",\"expires_in\":3600}")));
    wm.getWireMock()
        .register(
            post("/form/token")
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":\"invalid_client\",\"client_secret\":\""
                                + CLIENT_SECRET
                                + "\"}")));
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"Token expired\"}}")));
    wm.getWireMock()
        .register(
            get("/health")
                .withHeader("Authorization", equalTo("Bearer " + FRESH))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Set-Cookie", COOKIE)
                        .withHeader("X-RateLimit-Limit", "100")
                        .withHeader("X-RateLimit-Remaining", "3")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
    wm.getWireMock()
        .register(
            put(urlPathMatching("/users/.*"))
                .willReturn(
                    aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>maintenance</html>")));
    wm.getWireMock()
        .register(
            get(urlPathMatching("/users/.*"))
                .willReturn(
                    aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\"}}")));

    ClientCredentialsTokenProvider tokens =
        ClientCredentialsTokenProvider.builder()
            .apiUrl(wm.getHttpBaseUrl())
            .clientId("app_mixed")
            .clientSecret(CLIENT_SECRET)
            .build();
    ClientCredentialsTokenProvider formTokens =
        ClientCredentialsTokenProvider.builder()
            .tokenEndpoint(wm.getHttpBaseUrl() + "/form/token")
            .format(TokenRequestFormat.FORM)
            .clientId("app_mixed")
            .clientSecret(CLIENT_SECRET)
            .build();
    PortalApiClient m2m = TestClients.builder(wm).tokenSource(tokens).apiKey(API_KEY).build();
    PortalApiClient constant =
        TestClients.builder(wm).tokenSource(TokenSource.of(CONSTANT)).apiKey(API_KEY).build();
    PortalApiClient failingTokens = TestClients.builder(wm).tokenSource(formTokens).build();

    List<Object> surfaced = new ArrayList<>();
    try (LogCapture logs = LogCapture.start()) {
      surfaced.add(m2m.health().check());
      surfaced.add(
          catchThrowable(
              () ->
                  TestClients.executor(constant)
                      .execute(
                          Call.to(Endpoints.USER_UPDATE)
                              .path("id", "usr_1")
                              .json(Map.of("name", "Ann")),
                          Map.class)));
      surfaced.add(
          catchThrowable(
              () ->
                  TestClients.executor(constant)
                      .execute(
                          Call.to(Endpoints.USER_FIND_BY_ID)
                              .path("id", "usr_1")
                              .options(
                                  RequestOptions.builder()
                                      .header("Authorization", "Bearer " + USER_TOKEN)
                                      .header("Cookie", COOKIE)
                                      .build()),
                          Map.class)));
      surfaced.add(catchThrowable(() -> constant.health().check()));
      surfaced.add(catchThrowable(() -> failingTokens.health().check()));
      surfaced.add(m2m);
      surfaced.add(constant);
      surfaced.add(tokens);
      surfaced.add(formTokens);

      String text = logs.text();
      assertThat(logs.events()).anySatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.TRACE));
      assertThat(text)
          .contains("[REDACTED]")
          .contains("-> 401")
          .contains("-> 503")
          .contains("-> 429")
          .contains("refreshing the token")
          .contains("rate limit nearly exhausted");
      assertNoSecret(text);
    }
    for (Object thing : surfaced) {
      assertNoSecret(String.valueOf(thing));
      if (thing instanceof Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
          assertNoSecret(String.valueOf(cause.getMessage()));
        }
      }
    }
  }

  private static void assertNoSecret(String text) {
    assertThat(text)
        .doesNotContain(
            API_KEY,
            CLIENT_SECRET,
            STALE,
            FRESH,
            USER_TOKEN,
            CONSTANT,
            "cookie-secret-991",
            TestClients.TOKEN);
  }
}
