package com.winwinmbs.portal.api.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.AuthenticationException;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.ServerException;
import com.winwinmbs.portal.api.mcptoken.McpToken;
import com.winwinmbs.portal.api.mcptoken.McpTokenApi;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A session's refresh on 401, over HTTP: the guide's "old token → 401, refresh once, new token →
 * 200", for many concurrent callers of one session, its failure, and sessions of several users on
 * one shared client, none of which ever lends another its token or cookie.
 */
@WireMockTest
class SessionRefreshTests {

  static final int CALLERS = 20;
  static final String OLD = "old-access-token";
  static final String NEW = "new-access-token";
  static final String EXPIRED_TOKEN_ERROR =
      """
      {"error": "Unauthorized", "message": "Access token expired", "statusCode": 401,
       "timestamp": "2025-11-03T10:00:00Z"}
      """;

  /**
   * Login answers the old token and a refresh cookie; the MCP token list accepts only the new
   * token.
   */
  static void stubExpiredSession(WireMock server) {
    server.register(
        post("/api/auth/login")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader(
                        "Set-Cookie",
                        "refreshToken=rt-1; Path=/api/auth; HttpOnly; Secure; SameSite=Strict")
                    .withBody(
                        Fixtures.read("auth/login.json")
                            .replace("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...", OLD))));
    server.register(
        get("/api/mcp/tokens")
            .withHeader("Authorization", equalTo("Bearer " + OLD))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(EXPIRED_TOKEN_ERROR)));
    server.register(
        get("/api/mcp/tokens")
            .withHeader("Authorization", equalTo("Bearer " + NEW))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("mcptoken/list.json"))));
  }

  /** One shared client of the guide's base URL shape, with a token of its own. */
  static PortalApiClient client(WireMockRuntimeInfo wm) {
    return TestClients.builder(wm).apiUrl(wm.getHttpBaseUrl() + "/api").build();
  }

  static SessionTokenSource login(PortalApiClient portal, SessionListener listener) {
    return portal.auth().login("admin@acme.com", "SecurePassword123!", true, listener);
  }

  /**
   * Runs {@code call} on {@link #CALLERS} threads released at once; each result or exception in
   * order.
   */
  static List<Object> concurrently(Supplier<?> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return call.get();
                  } catch (RuntimeException e) {
                    return e;
                  }
                }));
      }
      start.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> future : futures) {
        outcomes.add(future.get(30, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twentyConcurrentCallsOnAnExpiredSessionShareOneRefreshAndAllSucceed(WireMockRuntimeInfo wm)
      throws Exception {
    WireMock server = wm.getWireMock();
    stubExpiredSession(server);
    // slow enough that the other callers' 401s arrive while the refresh is under way
    server.register(
        post("/api/auth/refresh")
            .willReturn(
                aResponse()
                    .withFixedDelay(300)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"accessToken\": \"" + NEW + "\"}")));
    // and the old token's 401s come late enough that every caller has sent the old token first,
    // even on a loaded machine
    server.register(
        get("/api/mcp/tokens")
            .withHeader("Authorization", equalTo("Bearer " + OLD))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withFixedDelay(300)
                    .withHeader("Content-Type", "application/json")
                    .withBody(EXPIRED_TOKEN_ERROR)));
    AtomicInteger expirations = new AtomicInteger();
    PortalApiClient portal = client(wm);
    SessionTokenSource session = login(portal, cause -> expirations.incrementAndGet());

    List<Object> outcomes =
        concurrently(() -> portal.mcpToken().withOptions(session.requestOptions()).list());

    assertThat(outcomes)
        .hasSize(CALLERS)
        .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(List.class));
    @SuppressWarnings("unchecked")
    List<McpToken> first = (List<McpToken>) outcomes.get(0);
    assertThat(first).extracting(McpToken::name).containsExactly("Claude AI Agent");
    server.verifyThat(
        exactly(1),
        postRequestedFor(urlEqualTo("/api/auth/refresh"))
            .withHeader("Cookie", equalTo("refreshToken=rt-1"))
            .withRequestBody(equalToJson("{}")));
    server.verifyThat(
        exactly(CALLERS),
        getRequestedFor(urlEqualTo("/api/mcp/tokens"))
            .withHeader("Authorization", equalTo("Bearer " + NEW)));
    // many callers were refused with the old token, yet the portal saw one refresh
    assertThat(
            server.find(
                getRequestedFor(urlEqualTo("/api/mcp/tokens"))
                    .withHeader("Authorization", equalTo("Bearer " + OLD))))
        .hasSizeGreaterThan(1);
    assertThat(session.token()).contains(NEW);
    assertThat(expirations).hasValue(0);
  }

  @Test
  void aRejectionOfTheOldTokenArrivingAfterTheRefreshDoesNotRefreshAgain(WireMockRuntimeInfo wm)
      throws Exception {
    WireMock server = wm.getWireMock();
    stubExpiredSession(server);
    server.register(
        post("/api/auth/refresh")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"accessToken\": \"" + NEW + "\"}")));
    // this call is refused with the old token only after the other caller has refreshed
    server.register(
        get("/api/mcp/tokens/slow")
            .withHeader("Authorization", equalTo("Bearer " + OLD))
            .willReturn(
                aResponse()
                    .withFixedDelay(800)
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(EXPIRED_TOKEN_ERROR)));
    server.register(
        get("/api/mcp/tokens/slow")
            .withHeader("Authorization", equalTo("Bearer " + NEW))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("mcptoken/get.json"))));
    PortalApiClient portal = client(wm);
    SessionTokenSource session = portal.auth().login("admin@acme.com", "SecurePassword123!", true);
    McpTokenApi tokens = portal.mcpToken().withOptions(session.requestOptions());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<McpToken> slow = pool.submit(() -> tokens.findById("slow"));
      Thread.sleep(200);

      tokens.list();
      McpToken token = slow.get(10, TimeUnit.SECONDS);

      assertThat(token.name()).isEqualTo("Claude AI Agent");
    } finally {
      pool.shutdownNow();
    }
    server.verifyThat(
        exactly(1),
        getRequestedFor(urlEqualTo("/api/mcp/tokens/slow"))
            .withHeader("Authorization", equalTo("Bearer " + OLD)));
    server.verifyThat(exactly(1), postRequestedFor(urlEqualTo("/api/auth/refresh")));
  }

  @Test
  void aRefusedRefreshExpiresTheSessionTellsTheListenerOnceAndFailsEveryCaller(
      WireMockRuntimeInfo wm) throws Exception {
    WireMock server = wm.getWireMock();
    stubExpiredSession(server);
    server.register(
        post("/api/auth/refresh")
            .willReturn(
                aResponse()
                    .withFixedDelay(300)
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
            {"error": "Unauthorized", "message": "Refresh token expired or invalid", "statusCode": 401,
             "timestamp": "2025-11-03T10:00:00Z"}
            """)));
    List<AuthenticationException> told = new CopyOnWriteArrayList<>();
    PortalApiClient portal = client(wm);
    SessionTokenSource session = login(portal, told::add);
    McpTokenApi tokens = portal.mcpToken().withOptions(session.requestOptions());

    List<Object> outcomes = concurrently(tokens::list);

    assertThat(outcomes)
        .hasSize(CALLERS)
        .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(AuthenticationException.class));
    assertThat(told).hasSize(1);
    assertThat(told.get(0).errorMessage()).isEqualTo("Refresh token expired or invalid");
    assertThat(told.get(0).getMessage()).contains("log in again");
    server.verifyThat(exactly(1), postRequestedFor(urlEqualTo("/api/auth/refresh")));
    assertThat(session.isExpired()).isTrue();
    assertThat(session.isActive()).isFalse();
    assertThat(session.cookieNames()).isEmpty();
    assertThat(session.user()).isEmpty();

    // until the user logs in again, calls through the session fail without being sent
    int sent = server.find(getRequestedFor(urlEqualTo("/api/mcp/tokens"))).size();
    assertThatThrownBy(tokens::list)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("log in again");
    assertThatThrownBy(() -> portal.auth().refresh(session))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("log in again");
    assertThat(server.find(getRequestedFor(urlEqualTo("/api/mcp/tokens")))).hasSize(sent);
    server.verifyThat(exactly(1), postRequestedFor(urlEqualTo("/api/auth/refresh")));
    assertThat(told).hasSize(1);

    // a new login is a new session; the expired one stays expired
    SessionTokenSource again = login(portal, told::add);
    assertThat(again.isActive()).isTrue();
    assertThat(again.token()).contains(OLD);
    assertThat(session.isExpired()).isTrue();
    // and an expired session is logged out without a call
    portal.auth().logout(session);
    assertThat(session.isExpired()).isFalse();
    server.verifyThat(exactly(0), postRequestedFor(urlEqualTo("/api/auth/logout")));
    assertThat(told).hasSize(1);
  }

  @Test
  void aRefreshThePortalCouldNotAnswerKeepsTheSession(WireMockRuntimeInfo wm) {
    WireMock server = wm.getWireMock();
    stubExpiredSession(server);
    server.register(
        post("/api/auth/refresh")
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\": \"Service Unavailable\", \"message\": \"Try again later\", \"statusCode\": 503}")));
    AtomicInteger expirations = new AtomicInteger();
    PortalApiClient portal = client(wm);
    SessionTokenSource session = login(portal, cause -> expirations.incrementAndGet());

    assertThatThrownBy(() -> portal.mcpToken().withOptions(session.requestOptions()).list())
        .isInstanceOf(ServerException.class);

    assertThat(expirations).hasValue(0);
    assertThat(session.isActive()).isTrue();
    assertThat(session.cookieNames()).containsExactly("refreshToken");
  }

  @Test
  void oneSharedClientServesTwoSessionsEachWithItsOwnTokenCookieAndTenant(WireMockRuntimeInfo wm) {
    WireMock server = wm.getWireMock();
    server.register(
        post("/api/auth/login")
            .withRequestBody(equalToJson("{\"email\": \"ann@acme.com\"}", false, true))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "refreshToken=rt-ann; Path=/api/auth")
                    .withBody(
                        "{\"user\": {\"id\": \"u-ann\"}, \"tenant\": {\"id\": \"t-acme\"}, \"accessToken\": \"ann-old\"}")));
    server.register(
        post("/api/auth/login")
            .withRequestBody(equalToJson("{\"email\": \"bob@beta.io\"}", false, true))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "refreshToken=rt-bob; Path=/api/auth")
                    .withBody(
                        "{\"user\": {\"id\": \"u-bob\"}, \"tenant\": {\"id\": \"t-beta\"}, \"accessToken\": \"bob-1\"}")));
    server.register(
        post("/api/auth/refresh")
            .withHeader("Cookie", equalTo("refreshToken=rt-ann"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"accessToken\": \"ann-new\"}")));
    server.register(
        get("/api/auth/me")
            .withHeader("Authorization", equalTo("Bearer ann-old"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(EXPIRED_TOKEN_ERROR)));
    for (String token : List.of("ann-new", "bob-1")) {
      server.register(
          get("/api/auth/me")
              .withHeader("Authorization", equalTo("Bearer " + token))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(Fixtures.read("auth/me.json"))));
    }
    server.register(
        get("/api/mcp/tokens")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("mcptoken/list.json"))));
    // one client, no token of its own
    PortalApiClient portal = PortalApiClient.builder().apiUrl(wm.getHttpBaseUrl() + "/api").build();

    SessionTokenSource ann = portal.auth().login("ann@acme.com", "pw-ann-123", false);
    SessionTokenSource bob = portal.auth().login("bob@beta.io", "pw-bob-123", false);
    portal.auth().withOptions(ann.requestOptions()).me();
    portal.auth().withOptions(bob.requestOptions()).me();
    portal.mcpToken().withOptions(bob.requestOptions()).list();

    server.verifyThat(exactly(1), postRequestedFor(urlEqualTo("/api/auth/refresh")));
    assertThat(ann.token()).contains("ann-new");
    assertThat(bob.token()).contains("bob-1");
    assertThat(ann.cookieNames()).containsExactly("refreshToken");
    server.verifyThat(
        getRequestedFor(urlEqualTo("/api/mcp/tokens"))
            .withHeader("Authorization", equalTo("Bearer bob-1"))
            .withHeader("X-Tenant-Id", equalTo("660e8400-e29b-41d4-a716-446655440001")));
    // the namespace itself acts for nobody: without a session, me() goes out without a token
    server.register(
        get("/api/auth/me")
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(EXPIRED_TOKEN_ERROR)));
    assertThatThrownBy(() -> portal.auth().me()).isInstanceOf(AuthenticationException.class);
    server.verifyThat(
        exactly(1),
        getRequestedFor(urlEqualTo("/api/auth/me")).withHeader("Authorization", absent()));
  }

  @Test
  void afterUserAsLoginUserBsCallsThroughBsSessionNeverCarryAsTokenOrCookie(
      WireMockRuntimeInfo wm) {
    WireMock server = wm.getWireMock();
    for (String user : List.of("ann", "bob")) {
      server.register(
          post("/api/auth/login")
              .withRequestBody(equalToJson("{\"email\": \"" + user + "@acme.com\"}", false, true))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withHeader("Set-Cookie", "refreshToken=rt-" + user + "; Path=/api/auth")
                      .withBody(
                          "{\"user\": {\"id\": \"u-"
                              + user
                              + "\"}, \"tenant\": {\"id\": \"t-acme\"}, \"accessToken\": \""
                              + user
                              + "-1\"}")));
      server.register(
          post("/api/auth/refresh")
              .withHeader("Cookie", equalTo("refreshToken=rt-" + user))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withHeader("Set-Cookie", "refreshToken=rt-" + user + "-2; Path=/api/auth")
                      .withBody("{\"accessToken\": \"" + user + "-2\"}")));
      server.register(
          get("/api/auth/me")
              .withHeader("Authorization", equalTo("Bearer " + user + "-2"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"user\": {\"id\": \"u-"
                              + user
                              + "\", \"email\": \""
                              + user
                              + "@acme.com\"}, \"tenant\": {\"id\": \"t-acme\"}}")));
    }
    // both first tokens have expired by the time they are used
    server.register(
        get("/api/auth/me")
            .withHeader("Authorization", matching("Bearer (ann|bob)-1"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(EXPIRED_TOKEN_ERROR)));
    PortalApiClient portal = client(wm);
    AuthApi auth = portal.auth();

    SessionTokenSource ann = auth.login("ann@acme.com", "pw-ann-123", false);
    SessionTokenSource bob = auth.login("bob@acme.com", "pw-bob-123", false);
    CurrentUser bobMe = auth.withOptions(bob.requestOptions()).me();
    CurrentUser annMe = auth.withOptions(ann.requestOptions()).me();
    CurrentUser bobAgain = auth.withOptions(bob.requestOptions()).me();

    assertThat(bobMe.user().email()).isEqualTo("bob@acme.com");
    assertThat(bobAgain.user().email()).isEqualTo("bob@acme.com");
    assertThat(annMe.user().email()).isEqualTo("ann@acme.com");
    assertThat(bob.user()).get().extracting(SessionUser::email).isEqualTo("bob@acme.com");
    assertThat(ann.user()).get().extracting(SessionUser::email).isEqualTo("ann@acme.com");
    // bob's login came after ann's and carried nothing of hers (nor anything at all)
    server.verifyThat(
        exactly(2),
        postRequestedFor(urlEqualTo("/api/auth/login"))
            .withHeader("Authorization", absent())
            .withHeader("Cookie", absent()));
    // bob's refresh carried his cookie alone, and no token
    server.verifyThat(
        exactly(1),
        postRequestedFor(urlEqualTo("/api/auth/refresh"))
            .withHeader("Cookie", equalTo("refreshToken=rt-bob"))
            .withHeader("Authorization", absent()));
    server.verifyThat(exactly(2), postRequestedFor(urlEqualTo("/api/auth/refresh")));
    server.verifyThat(
        exactly(3),
        getRequestedFor(urlEqualTo("/api/auth/me"))
            .withHeader("Authorization", matching("Bearer bob-[12]")));
    // no request carried secrets of both, and none of bob's carried ann's
    for (LoggedRequest request : server.find(anyRequestedFor(anyUrl()))) {
      String sent =
          request.getHeader("Authorization")
              + " "
              + request.getHeader("Cookie")
              + " "
              + request.getBodyAsString();
      boolean carriesAnn =
          sent.contains("ann-") || sent.contains("rt-ann") || sent.contains("ann@");
      boolean carriesBob =
          sent.contains("bob-") || sent.contains("rt-bob") || sent.contains("bob@");
      assertThat(carriesAnn && carriesBob)
          .as("%s %s carries secrets of two users: %s", request.getMethod(), request.getUrl(), sent)
          .isFalse();
      assertThat(carriesAnn || carriesBob)
          .as("%s %s", request.getMethod(), request.getUrl())
          .isTrue();
    }
    assertThat(ann.token()).contains("ann-2");
    assertThat(bob.token()).contains("bob-2");
  }
}
