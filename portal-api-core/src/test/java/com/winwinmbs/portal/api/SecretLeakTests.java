package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.auth.SessionTokenSource;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.mcptoken.CreateMcpTokenRequest;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.oauth.TokenRequestFormat;
import com.winwinmbs.portal.api.otp.OtpVerifyRequest;
import com.winwinmbs.portal.api.tenant.SsoProviderType;
import com.winwinmbs.portal.api.tenant.UpdateSsoConfigRequest;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.TestClients;
import com.winwinmbs.portal.api.webhook.WebhookCreateRequest;
import com.winwinmbs.portal.api.webhook.WebhookEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One mixed workload that touches every kind of secret the client handles, succeeding and failing
 * every way it can, while every logger of the JVM is captured at TRACE. No secret may appear in the
 * logs, in any exception's message or {@code toString()} (causes and suppressed included), nor in
 * the {@code toString()} of anything the workload produced.
 *
 * <p>Decision: {@link PortalApiException#rawBody()} is the server's body as received, and may hold
 * whatever the server echoed, secrets included; it is there for the caller to inspect on purpose
 * and is never printed by the client (not in a message, {@code toString()} or log). Messages, by
 * contrast, never quote a credential: the client's own credential headers are removed from what the
 * server said before it becomes a message, and decoding failures name the kind and place of the
 * failure, never the text Jackson choked on.
 */
@WireMockTest
class SecretLeakTests {

  private static final String API_KEY = "app_live_key_Lk01aa";
  private static final String STATIC_TOKEN = "static-bearer-Lk02bb";
  private static final String CLIENT_SECRET = "secret_m2m/Lk03+cc\"q";
  private static final String STALE = "eyJhbGciOiJIUzI1NiJ9.stale.Lk04dd";
  private static final String FRESH = "eyJhbGciOiJIUzI1NiJ9.fresh.Lk05ee";
  private static final String FORWARDED = "eyJ.forwarded-user.Lk06ff";
  private static final String PASSWORD = "pw-Correct-Horse-Lk07gg";
  private static final String SESSION_TOKEN = "eyJ.session-one.Lk08hh";
  private static final String SESSION_TOKEN_2 = "eyJ.session-two.Lk09ii";
  private static final String REFRESH_COOKIE = "rf-cookie-Lk10jj";
  private static final String REFRESH_COOKIE_2 = "rf-cookie-Lk11kk";
  private static final String MCP_TOKEN = "mcp_acme_Lk12ll";
  private static final String MCP_TOKEN_UNQUOTED = "mcp_acme_Lk13mm";
  private static final String MCP_TOKEN_MISTYPED = "mcp_acme_Lk14nn";
  private static final String SSO_SECRET = "sso-client-secret-Lk15oo";
  private static final String OTP_CODE = "918273";
  private static final String VERIFICATION_TOKEN = "otp-verified-Lk16pp";
  private static final String WEBHOOK_SECRET = "whsec_Lk17qq";
  private static final String SESSION_UNQUOTED = "eyJ.session-unquoted.Lk18rr";

  private static final List<String> SECRETS =
      List.of(
          API_KEY,
          STATIC_TOKEN,
          CLIENT_SECRET,
          json(CLIENT_SECRET),
          URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8),
          STALE,
          FRESH,
          FORWARDED,
          PASSWORD,
          SESSION_TOKEN,
          SESSION_TOKEN_2,
          REFRESH_COOKIE,
          REFRESH_COOKIE_2,
          MCP_TOKEN,
          MCP_TOKEN_UNQUOTED,
          MCP_TOKEN_MISTYPED,
          SSO_SECRET,
          VERIFICATION_TOKEN,
          WEBHOOK_SECRET,
          SESSION_UNQUOTED,
          Base64.getEncoder()
              .encodeToString(
                  ("app_mixed:" + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8))
                      .getBytes(StandardCharsets.UTF_8)));

  /** Loggers of the test's own servers: they see the secrets as a server must. */
  private static final List<String> SERVER_LOGGERS =
      List.of("org.eclipse.jetty", "wiremock", "com.github.tomakehurst", "WireMock");

  @Test
  void noSecretOfAMixedWorkloadReachesALogAMessageOrAToString(WireMockRuntimeInfo wm)
      throws Exception {
    WireMock server = wm.getWireMock();
    stubTokenEndpoint(server);
    stubPortal(server);
    stubSession(server);

    ClientCredentialsTokenProvider tokens =
        ClientCredentialsTokenProvider.builder()
            .apiUrl(wm.getHttpBaseUrl())
            .clientId("app_mixed")
            .clientSecret(CLIENT_SECRET)
            .build();
    ClientCredentialsTokenProvider formTokens =
        ClientCredentialsTokenProvider.builder()
            .tokenEndpoint(wm.getHttpBaseUrl() + "/form/token?audience=portal")
            .format(TokenRequestFormat.FORM)
            .clientId("app_mixed")
            .clientSecret(CLIENT_SECRET)
            .build();
    PortalApiClient m2m = TestClients.builder(wm).tokenSource(tokens).apiKey(API_KEY).build();
    PortalApiClient constant =
        TestClients.builder(wm)
            .tokenSource(TokenSource.of(STATIC_TOKEN))
            .apiKey(API_KEY)
            .tenantId("tenant-a")
            .build();
    PortalApiClient formClient = TestClients.builder(wm).tokenSource(formTokens).build();
    PortalApiClient sessions = TestClients.builder(wm).build();
    AtomicReference<SessionTokenSource> sessionHolder = new AtomicReference<>();
    RequestOptions forwarded =
        RequestOptions.builder()
            .header("Authorization", "Bearer " + FORWARDED)
            .header("Cookie", "portal_session=" + REFRESH_COOKIE)
            .idempotencyKey("idem-1")
            .build();

    List<Object> produced = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    String logs;
    try (LogCapture capture = LogCapture.everything()) {
      // client credentials: the token endpoint fails once, echoing the secret in its body
      run(produced, failures, () -> m2m.health().check());
      // then a token the portal rejects (echoing it), a refresh, and a success with Set-Cookie
      run(produced, failures, () -> m2m.health().check());
      run(produced, failures, () -> formClient.health().check());
      // static token and API key: 403 and 500 whose messages echo them, a timeout, a reset
      run(produced, failures, () -> user(constant, "u403", RequestOptions.none()));
      run(
          produced,
          failures,
          () ->
              TestClients.executor(constant)
                  .execute(
                      Call.to(Endpoints.USER_UPDATE)
                          .path("id", "u500")
                          .json(Map.of("name", "Ann", "password", PASSWORD)),
                      Map.class));
      run(
          produced,
          failures,
          () ->
              user(
                  constant,
                  "slow",
                  RequestOptions.builder().timeout(Duration.ofMillis(200)).build()));
      run(produced, failures, () -> user(constant, "reset", RequestOptions.none()));
      // a caller's own Authorization and Cookie for one call
      run(produced, failures, () -> user(constant, "u1", forwarded));
      // secrets in request and response bodies
      run(
          produced,
          failures,
          () ->
              constant
                  .mcpToken()
                  .create(
                      new CreateMcpTokenRequest(
                          "agent", Map.of("users", List.of("read")), null, null, null)));
      run(
          produced,
          failures,
          () ->
              constant
                  .mcpToken()
                  .create(
                      new CreateMcpTokenRequest(
                          "unquoted", Map.of("users", List.of("read")), null, null, null)));
      run(
          produced,
          failures,
          () ->
              constant
                  .mcpToken()
                  .create(
                      new CreateMcpTokenRequest(
                          "mistyped", Map.of("users", List.of("read")), null, null, null)));
      run(
          produced,
          failures,
          () -> {
            UpdateSsoConfigRequest sso =
                UpdateSsoConfigRequest.builder(SsoProviderType.AZURE_AD)
                    .clientId("sso-client")
                    .clientSecret(SSO_SECRET)
                    .build();
            produced.add(sso);
            constant.tenant().updateSso("t1", sso);
            return null;
          });
      run(
          produced,
          failures,
          () -> {
            OtpVerifyRequest otp = OtpVerifyRequest.of("REF-1", OTP_CODE);
            produced.add(otp);
            return constant.otp().verify(otp);
          });
      run(
          produced,
          failures,
          () -> {
            WebhookCreateRequest hook =
                WebhookCreateRequest.builder()
                    .name("hook")
                    .url("https://hooks.example.com/in")
                    .events(List.of(WebhookEvent.USER_CREATED))
                    .secret(WEBHOOK_SECRET)
                    .build();
            produced.add(hook);
            return constant.webhook().create(hook);
          });
      // a session: login with a password, a refresh cookie, a rejected token, a refresh
      run(
          produced,
          failures,
          () -> {
            sessionHolder.set(sessions.auth().login("ann@acme.com", PASSWORD, true, cause -> {}));
            return sessionHolder.get();
          });
      SessionTokenSource session = sessionHolder.get();
      run(produced, failures, () -> sessions.auth().withOptions(session.requestOptions()).me());
      run(
          produced,
          failures,
          () -> sessions.auth().login("ann@acme.com", "wrong-" + PASSWORD, true));
      // a login whose answer cannot be read starts no session
      run(produced, failures, () -> sessions.auth().login("bob@acme.com", PASSWORD, false));
      run(produced, failures, () -> sessions.auth().refresh(session));
      produced.addAll(
          List.of(
              m2m,
              constant,
              formClient,
              sessions,
              tokens,
              formTokens,
              session,
              session.requestOptions(),
              forwarded,
              sessions.auth(),
              sessions.auth().withOptions(session.requestOptions()),
              m2m.toBuilder()));
      logs = text(capture.events());
    }

    // the workload went where it was meant to
    assertThat(failures)
        .extracting(t -> t.getClass().getSimpleName())
        .contains(
            "TokenException",
            "PermissionDeniedException",
            "ServerException",
            "TransportException",
            "AuthenticationException",
            "PortalApiException");
    assertThat(failures)
        .filteredOn(TransportException.class::isInstance)
        .extracting(t -> ((TransportException) t).kind())
        .contains(TransportException.Kind.TIMEOUT, TransportException.Kind.IO);
    assertThat(logs)
        .contains("TRACE", "[REDACTED]", "-> 401", "-> 403", "-> 500", "refreshing the token");
    SessionTokenSource session = sessionHolder.get();
    assertThat(session.isActive()).isTrue();
    assertThat(session.token()).contains(SESSION_TOKEN_2);
    // the refresh on 401, then the explicit one with the cookie the first rotated
    assertThat(wm.getWireMock().find(WireMock.postRequestedFor(urlPathEqualTo("/auth/refresh"))))
        .extracting(r -> r.getHeader("Cookie"))
        .containsExactly("refresh=" + REFRESH_COOKIE, "refresh=" + REFRESH_COOKIE_2);

    assertNoSecret("logs", logs);
    for (Throwable failure : failures) {
      assertNoSecretInThrowable(failure, new IdentityHashMap<>());
    }
    for (Object value : produced) {
      assertNoSecret("toString() of " + value.getClass().getName(), String.valueOf(value));
    }
    // the decision on rawBody: the server's body, as received, echoes included
    assertThat(failures)
        .filteredOn(PermissionDeniedException.class::isInstance)
        .singleElement()
        .satisfies(
            t -> {
              PortalApiException e = (PortalApiException) t;
              assertThat(e.rawBody()).contains(API_KEY);
              assertThat(e.errorMessage()).isEqualTo("API key [REDACTED] may not read users");
            });
  }

  // --- the servers ------------------------------------------------------------------------------

  private static void stubTokenEndpoint(WireMock server) {
    server.register(
        post("/oauth/token")
            .inScenario("token")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"server_error\",\"error_description\":\"bad secret "
                            + json(CLIENT_SECRET)
                            + "\",\"client_secret\":\""
                            + json(CLIENT_SECRET)
                            + "\"}"))
            .willSetStateTo("stale"));
    server.register(
        post("/oauth/token")
            .inScenario("token")
            .whenScenarioStateIs("stale")
            .willReturn(tokenResponse(STALE))
            .willSetStateTo("fresh"));
    server.register(
        post("/oauth/token")
            .inScenario("token")
            .whenScenarioStateIs("fresh")
            .willReturn(tokenResponse(FRESH)));
    server.register(
        post(urlPathEqualTo("/form/token"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("WWW-Authenticate", "Basic realm=\"portal\"")
                    .withBody(
                        "{\"error\":\"invalid_client\",\"echo\":\""
                            + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8)
                            + "\"}")));
  }

  private static void stubPortal(WireMock server) {
    server.register(
        get("/health")
            .withHeader("Authorization", equalTo("Bearer " + STALE))
            .willReturn(
                error(401, "UNAUTHORIZED", "Token " + STALE + " has expired")
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
    server.register(
        get("/health")
            .withHeader("Authorization", equalTo("Bearer " + FRESH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "portal_session=" + REFRESH_COOKIE + "; HttpOnly")
                    .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
    server.register(
        get("/users/u403")
            .willReturn(
                error(403, "FORBIDDEN", "API key " + API_KEY + " may not read users")
                    .withHeader("X-Request-Id", "req_403")));
    server.register(
        put("/users/u500")
            .willReturn(
                error(
                    500,
                    "INTERNAL",
                    "failed for Authorization: Bearer "
                        + STATIC_TOKEN
                        + ", X-API-Key "
                        + API_KEY)));
    server.register(
        get("/users/slow")
            .willReturn(
                aResponse()
                    .withFixedDelay(1500)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"success\":true,\"data\":{}}")));
    server.register(
        get("/users/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    server.register(
        get("/users/u1")
            .withHeader("Authorization", equalTo("Bearer " + FORWARDED))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"success\":true,\"data\":{\"id\":\"u1\"}}")));
    server.register(
        post("/mcp/tokens")
            .withRequestBody(WireMock.containing("\"agent\""))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"tokenId\":\"tok_1\",\"token\":\""
                            + MCP_TOKEN
                            + "\",\"name\":\"agent\",\"createdAt\":\"2026-01-01T00:00:00Z\"}")));
    server.register(
        post("/mcp/tokens")
            .withRequestBody(WireMock.containing("\"unquoted\""))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"tokenId\":\"tok_2\",\"token\":" + MCP_TOKEN_UNQUOTED + "}")));
    server.register(
        post("/mcp/tokens")
            .withRequestBody(WireMock.containing("\"mistyped\""))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"tokenId\":\"tok_3\",\"createdAt\":\"" + MCP_TOKEN_MISTYPED + "\"}")));
    server.register(put("/tenants/t1/sso").willReturn(aResponse().withStatus(204)));
    server.register(
        post("/otp/verify")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"success\":true,\"data\":{\"verified\":true,\"ref_code\":\"REF-1\","
                            + "\"verification_token\":\""
                            + VERIFICATION_TOKEN
                            + "\"}}")));
    server.register(
        post("/webhooks")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"success\":true,\"data\":{\"id\":\"wh_1\",\"name\":\"hook\",\"secret\":\""
                            + WEBHOOK_SECRET
                            + "\"}}")));
  }

  private static void stubSession(WireMock server) {
    server.register(
        post("/auth/login")
            .withRequestBody(WireMock.containing("ann@acme.com"))
            .withRequestBody(WireMock.containing("\"" + PASSWORD + "\""))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "refresh=" + REFRESH_COOKIE + "; Path=/; HttpOnly")
                    .withBody("{\"accessToken\":\"" + SESSION_TOKEN + "\"}")));
    server.register(
        post("/auth/login")
            .withRequestBody(WireMock.containing("wrong-"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"Unauthorized\",\"message\":\"Invalid credentials\","
                            + "\"statusCode\":401}")));
    server.register(
        post("/auth/login")
            .withRequestBody(WireMock.containing("bob@acme.com"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"accessToken\":" + SESSION_UNQUOTED + "}")));
    server.register(
        get("/auth/me")
            .withHeader("Authorization", equalTo("Bearer " + SESSION_TOKEN))
            .willReturn(error(401, "UNAUTHORIZED", "expired")));
    server.register(
        post("/auth/refresh")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "refresh=" + REFRESH_COOKIE_2 + "; Path=/; HttpOnly")
                    .withBody("{\"accessToken\":\"" + SESSION_TOKEN_2 + "\"}")));
    server.register(
        get("/auth/me")
            .withHeader("Authorization", equalTo("Bearer " + SESSION_TOKEN_2))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"user\":{\"id\":\"u1\",\"email\":\"ann@acme.com\"},"
                            + "\"tenant\":{\"id\":\"t1\",\"slug\":\"acme\"}}")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokenResponse(
      String token) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + token + "\",\"expires_in\":3600}");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
      int status, String code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"success\":false,\"error\":{\"code\":\""
                + code
                + "\",\"message\":"
                + "\""
                + message
                + "\"}}");
  }

  // --- the workload -----------------------------------------------------------------------------

  private static Object user(PortalApiClient client, String id, RequestOptions options) {
    return TestClients.executor(client)
        .execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", id).options(options), Map.class);
  }

  private static void run(List<Object> produced, List<Throwable> failures, Callable<?> call) {
    try {
      Object result = call.call();
      if (result != null) {
        produced.add(result);
      }
    } catch (Throwable t) {
      failures.add(t);
    }
  }

  // --- the checks -------------------------------------------------------------------------------

  private static String text(List<ILoggingEvent> events) {
    StringBuilder out = new StringBuilder();
    for (ILoggingEvent event : events) {
      if (SERVER_LOGGERS.stream().anyMatch(event.getLoggerName()::startsWith)) {
        continue;
      }
      out.append(event.getLevel())
          .append(' ')
          .append(event.getLoggerName())
          .append(' ')
          .append(event.getFormattedMessage())
          .append(' ')
          .append(event.getMDCPropertyMap())
          .append('\n');
      append(out, event.getThrowableProxy(), Set.of());
    }
    return out.toString();
  }

  private static void append(StringBuilder out, IThrowableProxy thrown, Set<Object> seen) {
    if (thrown == null) {
      return;
    }
    out.append("  ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
    out.append('\n');
    for (IThrowableProxy suppressed : thrown.getSuppressed()) {
      append(out, suppressed, seen);
    }
    if (thrown.getCause() != thrown) {
      append(out, thrown.getCause(), seen);
    }
  }

  private static void assertNoSecretInThrowable(Throwable t, Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, true) != null) {
      return;
    }
    String what = "exception " + t.getClass().getName();
    assertNoSecret(what + " getMessage()", String.valueOf(t.getMessage()));
    assertNoSecret(what + " getLocalizedMessage()", String.valueOf(t.getLocalizedMessage()));
    assertNoSecret(what + " toString()", t.toString());
    if (t instanceof PortalApiException portal) {
      assertNoSecret(what + " error()", String.valueOf(portal.error()));
      assertNoSecret(what + " errorMessage()", String.valueOf(portal.errorMessage()));
    }
    for (Throwable suppressed : t.getSuppressed()) {
      assertNoSecretInThrowable(suppressed, seen);
    }
    assertNoSecretInThrowable(t.getCause(), seen);
  }

  private static void assertNoSecret(String where, String text) {
    for (String secret : SECRETS) {
      assertThat(text).as("%s holds the secret %s", where, secret).doesNotContain(secret);
    }
    assertThat(text).as("%s holds the OTP code", where).doesNotContain("\"" + OTP_CODE);
    assertThat(text).as("%s holds the OTP code", where).doesNotContain("=" + OTP_CODE);
  }

  private static String json(String value) {
    String quoted = com.winwinmbs.portal.api.internal.PortalJson.MAPPER.writeValueAsString(value);
    return quoted.substring(1, quoted.length() - 1);
  }
}
