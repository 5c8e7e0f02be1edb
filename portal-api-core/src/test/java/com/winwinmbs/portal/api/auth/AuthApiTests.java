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
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.AuthenticationException;
import com.winwinmbs.portal.api.BadRequestException;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.tenant.Tenant;
import com.winwinmbs.portal.api.tenant.TenantPlan;
import com.winwinmbs.portal.api.tenant.TenantRole;
import com.winwinmbs.portal.api.tenant.TenantStatus;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.TestClients;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@WireMockTest
class AuthApiTests {

  static final String LOGIN_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...";
  static final String REFRESHED_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.refreshed";
  static final String PASSWORD = "SecurePassword123!";

  static final String LOGIN_BODY =
      """
      {"email": "admin@acme.com", "password": "SecurePassword123!", "rememberMe": true}
      """;

  /** A client of the guide's base URL shape ({@code .../api}) with a token of its own. */
  static PortalApiClient client(WireMockRuntimeInfo wm) {
    return TestClients.builder(wm).apiUrl(wm.getHttpBaseUrl() + "/api").build();
  }

  static void stubLogin(WireMock wm, String cookie) {
    wm.register(
        post("/api/auth/login")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", cookie)
                    .withBody(Fixtures.read("auth/login.json"))));
  }

  @Test
  void loginPostsTheGuideBodyWithoutABearerTokenAndDecodesTheAnswer(WireMockRuntimeInfo wm) {
    stubLogin(
        wm.getWireMock(),
        "refreshToken=rt-1; Path=/api/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=604800");
    // the client has a token of its own: a login must not send it
    PortalApiClient portal = client(wm);

    SessionTokenSource session = portal.auth().login("admin@acme.com", PASSWORD, true);

    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/api/auth/login"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withHeader("Cookie", absent())
                .withRequestBody(equalToJson(LOGIN_BODY)));
    assertThat(session.isActive()).isTrue();
    assertThat(session.isExpired()).isFalse();
    assertThat(session.token()).contains(LOGIN_TOKEN);
    SessionUser user = session.user().orElseThrow();
    assertThat(user.id()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
    assertThat(user.email()).isEqualTo("admin@acme.com");
    assertThat(user.fullName()).isEqualTo("John Doe");
    assertThat(user.role()).isEqualTo(TenantRole.ADMIN);
    assertThat(user.authProvider()).isEqualTo(AuthProvider.LOCAL);
    assertThat(user.avatarUrl()).isNull();
    Tenant tenant = session.tenant().orElseThrow();
    assertThat(tenant.id()).isEqualTo("660e8400-e29b-41d4-a716-446655440001");
    assertThat(tenant.slug()).isEqualTo("acme");
    assertThat(tenant.name()).isEqualTo("Acme Corporation");
    assertThat(tenant.plan()).isEqualTo(TenantPlan.PROFESSIONAL);
    assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(tenant.ssoEnabled()).isTrue();
    assertThat(session.cookieNames()).containsExactly("refreshToken");
    assertThat(session.requestOptions().tenantId())
        .contains("660e8400-e29b-41d4-a716-446655440001");
    assertThat(session.toString())
        .contains("ACTIVE", "refreshToken")
        .doesNotContain(LOGIN_TOKEN, "rt-1");
  }

  @Test
  void eachLoginReturnsANewSessionAndTheNamespaceKeepsNone(WireMockRuntimeInfo wm) {
    stubLogin(wm.getWireMock(), "refreshToken=rt-1; Path=/api/auth; HttpOnly");
    wm.getWireMock()
        .register(
            post("/api/auth/logout")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("auth/logout.json"))));
    PortalApiClient portal = client(wm);

    SessionTokenSource first = portal.auth().login("admin@acme.com", PASSWORD, true);
    SessionTokenSource second = portal.auth().login("admin@acme.com", PASSWORD, true);
    portal.auth().logout(first);

    assertThat(second).isNotSameAs(first);
    assertThat(first.isActive()).isFalse();
    assertThat(second.isActive()).isTrue();
    assertThat(second.token()).contains(LOGIN_TOKEN);
    assertThat(portal.auth().toString()).doesNotContain(LOGIN_TOKEN, "Session", "ACTIVE");
  }

  @Test
  void loginWithWrongCredentialsThrowsAuthenticationExceptionAndSendsNoToken(
      WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/api/auth/login")
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("auth/invalid-credentials.json"))));
    PortalApiClient portal = client(wm);

    assertThatThrownBy(() -> portal.auth().login("admin@acme.com", "wrong-Pw9x", false))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("Invalid credentials");
              assertThat(e.errorMessage()).isEqualTo("Email or password is incorrect");
              assertThat(e.getMessage()).doesNotContain("wrong-Pw9x");
            });
    // a refused login is not retried as a rejected token: it carried none
    wm.getWireMock()
        .verifyThat(
            exactly(1),
            postRequestedFor(urlEqualTo("/api/auth/login")).withHeader("Authorization", absent()));
  }

  @Test
  void loginWithMissingFieldsMapsTheGuideValidationDetailsOntoFieldErrors(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/api/auth/login")
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("auth/validation-error.json"))));
    PortalApiClient portal = client(wm);

    assertThatThrownBy(() -> portal.auth().login(" x", "short", false))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo("Validation Error");
              assertThat(e.fieldErrors())
                  .containsExactly(
                      Map.entry("email", List.of("Email is required", "Invalid email format")),
                      Map.entry("password", List.of("Password must be at least 8 characters")));
            });
  }

  @Test
  void refreshAndLogoutSendTheLoginCookieAndLogoutClearsIt(WireMockRuntimeInfo wm) {
    WireMock server = wm.getWireMock();
    stubLogin(
        server,
        "refreshToken=rt-1; Path=/api/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=604800");
    server.register(
        post("/api/auth/refresh")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader(
                        "Set-Cookie",
                        "refreshToken=rt-2; Path=/api/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=604800")
                    .withBody(Fixtures.read("auth/refresh.json"))));
    server.register(
        post("/api/auth/logout")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "refreshToken=; Path=/api/auth; Max-Age=0")
                    .withBody(Fixtures.read("auth/logout.json"))));
    PortalApiClient portal = client(wm);

    SessionTokenSource session = portal.auth().login("admin@acme.com", PASSWORD, true);
    RefreshResult refreshed = portal.auth().refresh(session);

    assertThat(refreshed.accessToken()).isEqualTo(REFRESHED_TOKEN);
    assertThat(refreshed.toString()).doesNotContain(REFRESHED_TOKEN).contains("[REDACTED]");
    assertThat(session.token()).contains(REFRESHED_TOKEN);
    server.verifyThat(
        postRequestedFor(urlEqualTo("/api/auth/refresh"))
            .withHeader("Cookie", equalTo("refreshToken=rt-1"))
            .withHeader("Authorization", absent())
            .withRequestBody(equalToJson("{}")));

    portal.auth().logout(session);

    // the rotated cookie and the refreshed token go to logout
    server.verifyThat(
        postRequestedFor(urlEqualTo("/api/auth/logout"))
            .withHeader("Cookie", equalTo("refreshToken=rt-2"))
            .withHeader("Authorization", equalTo("Bearer " + REFRESHED_TOKEN)));
    assertThat(session.isActive()).isFalse();
    assertThat(session.cookieNames()).isEmpty();
    assertThat(session.token()).isEmpty();
    assertThat(session.user()).isEmpty();
    assertThatThrownBy(() -> portal.auth().refresh(session))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("log in first");
    server.verifyThat(exactly(1), postRequestedFor(urlEqualTo("/api/auth/refresh")));
    // a session no longer active is only cleared: nothing more goes out
    portal.auth().logout(session);
    server.verifyThat(exactly(1), postRequestedFor(urlEqualTo("/api/auth/logout")));
  }

  @Test
  void refreshKeepsTheFieldsThePortalAddsAndPrintsNoneOfTheToken(WireMockRuntimeInfo wm) {
    WireMock server = wm.getWireMock();
    stubLogin(server, "refreshToken=rt-1; Path=/api/auth; HttpOnly");
    server.register(
        post("/api/auth/refresh")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"accessToken\": \"at-Refreshed-7Qw\", \"expiresIn\": 900}")));
    PortalApiClient portal = client(wm);
    SessionTokenSource session = portal.auth().login("admin@acme.com", PASSWORD, false);

    RefreshResult result = portal.auth().refresh(session);

    assertThat(result.accessToken()).isEqualTo("at-Refreshed-7Qw");
    assertThat(result.additionalProperties()).containsEntry("expiresIn", 900);
    assertThat(result.toString()).isEqualTo("RefreshResult[accessToken=[REDACTED]]");
    assertThat(String.valueOf(result.additionalProperties())).doesNotContain("at-Refreshed");
  }

  @Test
  void aLogoutAfterA401SendsTheSessionsOwnTokenAndStartsNoRefresh(WireMockRuntimeInfo wm) {
    WireMock server = wm.getWireMock();
    stubLogin(server, "refreshToken=rt-1; Path=/api/auth; HttpOnly");
    server.register(
        post("/api/auth/logout")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\": \"Unauthorized\", \"message\": \"Access token expired\", \"statusCode\": 401}")));
    PortalApiClient portal = client(wm);
    SessionTokenSource session = portal.auth().login("admin@acme.com", PASSWORD, false);

    // bound with the session's options, as the other calls of a server are
    assertThatThrownBy(() -> portal.auth().withOptions(session.requestOptions()).logout(session))
        .isInstanceOf(AuthenticationException.class);

    server.verifyThat(
        exactly(1),
        postRequestedFor(urlEqualTo("/api/auth/logout"))
            .withHeader("Authorization", equalTo("Bearer " + LOGIN_TOKEN))
            .withHeader("Cookie", equalTo("refreshToken=rt-1")));
    server.verifyThat(exactly(0), postRequestedFor(urlEqualTo("/api/auth/refresh")));
    assertThat(session.isActive()).isFalse();
    assertThat(session.cookieNames()).isEmpty();
  }

  @Test
  void aSessionOfAnotherImplementationIsRefusedAndNothingIsSent(WireMockRuntimeInfo wm) {
    PortalApiClient portal = client(wm);
    SessionTokenSource foreign =
        new SessionTokenSource() {
          @Override
          public Optional<String> token() {
            return Optional.of("forged-token-Q3");
          }

          @Override
          public boolean isActive() {
            return true;
          }

          @Override
          public boolean isExpired() {
            return false;
          }

          @Override
          public Optional<SessionUser> user() {
            return Optional.empty();
          }

          @Override
          public Optional<Tenant> tenant() {
            return Optional.empty();
          }

          @Override
          public Set<String> cookieNames() {
            return Set.of();
          }

          @Override
          public RequestOptions requestOptions() {
            return RequestOptions.builder().tokenSource(this).build();
          }

          @Override
          public void clear() {}
        };

    assertThatIllegalArgumentException()
        .isThrownBy(() -> portal.auth().refresh(foreign))
        .withMessageContaining("not started by AuthApi.login or completeSso")
        .withMessageContaining("pass the session one of them returned")
        .withMessageNotContaining("forged-token-Q3");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> portal.auth().logout(foreign))
        .withMessageContaining("not started by AuthApi.login or completeSso");
    assertThatNullPointerException()
        .isThrownBy(() -> portal.auth().refresh(null))
        .withMessage("session == null");
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aLoginThroughAViewBoundToAnotherSessionSendsNoneOfItsToken(WireMockRuntimeInfo wm) {
    WireMock server = wm.getWireMock();
    stubLogin(server, "refreshToken=rt-1; Path=/api/auth; HttpOnly");
    server.register(
        post("/api/auth/refresh")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("auth/refresh.json"))));
    PortalApiClient portal = client(wm);
    SessionTokenSource first = portal.auth().login("admin@acme.com", PASSWORD, true);
    portal.auth().refresh(first); // first now holds REFRESHED_TOKEN
    AuthApi boundToFirst = portal.auth().withOptions(first.requestOptions());

    SessionTokenSource second = boundToFirst.login("admin@acme.com", PASSWORD, true);
    boundToFirst.refresh(second);

    server.verifyThat(exactly(2), postRequestedFor(urlEqualTo("/api/auth/login")));
    server.verifyThat(exactly(2), postRequestedFor(urlEqualTo("/api/auth/refresh")));
    server.verifyThat(
        exactly(0), anyRequestedFor(anyUrl()).withHeader("Authorization", WireMock.matching(".*")));
  }

  @Test
  void cookiesAreSentOnlyToThePathTheySetAndAllCookiesThatMatchAreSent(WireMockRuntimeInfo wm) {
    WireMock server = wm.getWireMock();
    server.register(
        post("/api/auth/login")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Set-Cookie", "refreshToken=rt-1; Path=/api/auth/refresh; HttpOnly")
                    .withHeader("Set-Cookie", "sid=s-9; Path=/")
                    .withBody(Fixtures.read("auth/login.json"))));
    server.register(
        post("/api/auth/refresh")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("auth/refresh.json"))));
    server.register(
        post("/api/auth/logout")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("auth/logout.json"))));
    PortalApiClient portal = client(wm);

    SessionTokenSource session = portal.auth().login("admin@acme.com", PASSWORD, false);
    portal.auth().refresh(session);
    portal.auth().logout(session);

    server.verifyThat(
        postRequestedFor(urlEqualTo("/api/auth/refresh"))
            .withHeader("Cookie", equalTo("refreshToken=rt-1; sid=s-9")));
    server.verifyThat(
        postRequestedFor(urlEqualTo("/api/auth/logout")).withHeader("Cookie", equalTo("sid=s-9")));
  }

  @Test
  void meSendsTheSessionTokenAndDecodesTheGuideAnswer(WireMockRuntimeInfo wm) {
    stubLogin(wm.getWireMock(), "refreshToken=rt-1; Path=/api/auth; HttpOnly");
    wm.getWireMock()
        .register(
            get("/api/auth/me")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("auth/me.json"))));
    PortalApiClient portal = client(wm);
    SessionTokenSource session = portal.auth().login("admin@acme.com", PASSWORD, true);
    assertThat(session.user())
        .get()
        .extracting(SessionUser::authProvider)
        .isEqualTo(AuthProvider.LOCAL);

    CurrentUser me = portal.auth().withOptions(session.requestOptions()).me();

    wm.getWireMock()
        .verifyThat(
            exactly(1),
            getRequestedFor(urlEqualTo("/api/auth/me"))
                .withHeader("Authorization", equalTo("Bearer " + LOGIN_TOKEN))
                .withHeader("X-Tenant-Id", equalTo("660e8400-e29b-41d4-a716-446655440001"))
                .withHeader("Accept", equalTo("application/json")));
    assertThat(me.user().authProvider()).isEqualTo(AuthProvider.AZURE_AD);
    assertThat(me.user().avatarUrl()).isEqualTo("https://graph.microsoft.com/v1.0/me/photo/$value");
    assertThat(me.user().role()).isEqualTo(TenantRole.ADMIN);
    assertThat(me.tenant().plan()).isEqualTo(TenantPlan.PROFESSIONAL);
    assertThat(me.tenant().ssoEnabled()).isTrue();
    // the session records who its token belongs to
    assertThat(session.user())
        .get()
        .extracting(SessionUser::authProvider)
        .isEqualTo(AuthProvider.AZURE_AD);
  }

  @Test
  void aClientBuiltForOneSessionSendsItsTokenAndRecordsMeInIt(WireMockRuntimeInfo wm) {
    stubLogin(wm.getWireMock(), "refreshToken=rt-1; Path=/api/auth; HttpOnly");
    wm.getWireMock()
        .register(
            get("/api/auth/me")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("auth/me.json"))));
    PortalApiClient portal = client(wm);
    SessionTokenSource session = portal.auth().login("admin@acme.com", PASSWORD, true);
    PortalApiClient mine = portal.toBuilder().tokenSource(session).build();

    mine.auth().me();

    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/api/auth/me"))
                .withHeader("Authorization", equalTo("Bearer " + LOGIN_TOKEN)));
    assertThat(session.user())
        .get()
        .extracting(SessionUser::authProvider)
        .isEqualTo(AuthProvider.AZURE_AD);
  }

  @Test
  void unknownRolesPlansAndProvidersDecodeAndKeepTheirValue(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/api/auth/me")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
            {"user": {"id": "u1", "role": "Auditor", "authProvider": "GitHub", "locale": "en-GB"},
             "tenant": {"id": "t1", "plan": "Ultimate", "status": "Archived"}, "serverTime": "2025-11-03T10:00:00Z"}
            """)));
    PortalApiClient portal = client(wm);

    CurrentUser me = portal.auth().me();

    assertThat(me.user().role()).isEqualTo(TenantRole.of("Auditor"));
    assertThat(me.user().role().isKnown()).isFalse();
    assertThat(me.user().authProvider().value()).isEqualTo("GitHub");
    assertThat(me.tenant().plan().value()).isEqualTo("Ultimate");
    assertThat(me.tenant().status().value()).isEqualTo("Archived");
    assertThat(me.user().additionalProperties()).containsEntry("locale", "en-GB");
    assertThat(me.additionalProperties()).containsEntry("serverTime", "2025-11-03T10:00:00Z");
    // with no session, the client's own token source answers for me()
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/api/auth/me"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
  }

  @Test
  void ssoLoginUrlBuildsTheGuideUrlWithAFreshStateAndSendsNothing(WireMockRuntimeInfo wm) {
    PortalApiClient portal = client(wm);

    SsoLogin first = portal.auth().ssoLoginUrl(SsoProvider.AZURE_AD, "/dashboard");
    SsoLogin second = portal.auth().ssoLoginUrl(SsoProvider.AZURE_AD, "/dashboard");
    SsoLogin saml = portal.auth().ssoLoginUrl(SsoProvider.SAML, null);

    assertThat(first.url())
        .isEqualTo(
            URI.create(
                wm.getHttpBaseUrl()
                    + "/api/auth/sso/login?provider=azuread&redirect=%2Fdashboard&state="
                    + first.state()));
    assertThat(first.state()).matches("[A-Za-z0-9_-]{43}");
    assertThat(second.state()).isNotEqualTo(first.state());
    assertThat(saml.url().getRawQuery()).isEqualTo("provider=saml&state=" + saml.state());
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void ssoLoginUrlGoesUnderTheGuideBasePathAsEveryGuideRouteDoes(WireMockRuntimeInfo wm) {
    PortalApiClient portal = TestClients.builder(wm).guideBasePath("/api").build();

    SsoLogin login = portal.auth().ssoLoginUrl(SsoProvider.of("github"), "/home page");

    assertThat(login.url())
        .isEqualTo(
            URI.create(
                wm.getHttpBaseUrl()
                    + "/api/auth/sso/login?provider=github&redirect=%2Fhome%20page&state="
                    + login.state()));
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void ssoCallbackReturnsTokenAndTenantWhenTheStateMatches(WireMockRuntimeInfo wm) {
    AuthApi auth = TestClients.client(wm).auth();
    SsoLogin login = auth.ssoLoginUrl(SsoProvider.OKTA, "/dashboard");

    SsoCallback callback =
        auth.ssoCallback(
            URI.create(
                "https://app.colaflow.com/auth/callback?token=eyJ.sso%2Etoken&tenant=acme&state="
                    + login.state()),
            login.state());

    assertThat(callback.accessToken()).isEqualTo("eyJ.sso.token");
    assertThat(callback.tenant()).isEqualTo("acme");
    assertThat(callback.toString()).doesNotContain("eyJ.sso.token");
    assertThat(
            auth.ssoCallback(
                    Map.of("token", "t-1", "tenant", "acme", "state", login.state()), login.state())
                .accessToken())
        .isEqualTo("t-1");
  }

  @Test
  void ssoCallbackWithAnotherStateIsRefusedWithoutQuotingTheStateOrToken(WireMockRuntimeInfo wm) {
    AuthApi auth = TestClients.client(wm).auth();
    SsoLogin login = auth.ssoLoginUrl(SsoProvider.AZURE_AD, null);
    URI forged =
        URI.create(
            "https://app.colaflow.com/auth/callback?token=stolen-token&tenant=acme&state=attacker-state");

    assertThatThrownBy(() -> auth.ssoCallback(forged, login.state()))
        .isInstanceOfSatisfying(
            SsoCallbackException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SsoCallbackException.Reason.STATE_MISMATCH);
              assertThat(e.getMessage())
                  .contains("CSRF")
                  .doesNotContain("stolen-token")
                  .doesNotContain("attacker-state")
                  .doesNotContain(login.state());
            });
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void ssoCallbackWithoutStateTokenOrTenantOrWithADuplicatedStateIsRefused(WireMockRuntimeInfo wm) {
    AuthApi auth = TestClients.client(wm).auth();
    String state = auth.ssoLoginUrl(SsoProvider.GOOGLE, null).state();
    String base = "https://app.colaflow.com/auth/callback?";

    assertThatThrownBy(() -> auth.ssoCallback(URI.create(base + "token=t&tenant=acme"), state))
        .isInstanceOfSatisfying(
            SsoCallbackException.class,
            e -> assertThat(e.reason()).isEqualTo(SsoCallbackException.Reason.MISSING_STATE));
    assertThatThrownBy(
            () -> auth.ssoCallback(URI.create(base + "tenant=acme&state=" + state), state))
        .isInstanceOfSatisfying(
            SsoCallbackException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(SsoCallbackException.Reason.MISSING_TOKEN);
              assertThat(e.getMessage()).containsIgnoringCase("missing token");
            });
    assertThatThrownBy(
            () -> auth.ssoCallback(URI.create(base + "token=t&tenant=&state=" + state), state))
        .isInstanceOfSatisfying(
            SsoCallbackException.class,
            e -> assertThat(e.reason()).isEqualTo(SsoCallbackException.Reason.MISSING_TENANT));
    assertThatThrownBy(
            () ->
                auth.ssoCallback(
                    URI.create(base + "token=t&tenant=acme&state=" + state + "&state=other"),
                    state))
        .isInstanceOfSatisfying(
            SsoCallbackException.class,
            e -> assertThat(e.reason()).isEqualTo(SsoCallbackException.Reason.DUPLICATE_PARAMETER));
  }

  @Test
  void completeSsoStartsTheSessionWithTheCallbackTokenAndAsksWhoItIs(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/api/auth/me")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("auth/me.json"))));
    PortalApiClient portal = client(wm);
    SsoLogin login = portal.auth().ssoLoginUrl(SsoProvider.AZURE_AD, "/dashboard");
    SsoCallback callback =
        portal
            .auth()
            .ssoCallback(
                URI.create(
                    "https://app.colaflow.com/auth/callback?token=sso-token-1&tenant=acme&state="
                        + login.state()),
                login.state());

    SessionTokenSource session = portal.auth().completeSso(callback);

    wm.getWireMock()
        .verifyThat(
            exactly(1),
            getRequestedFor(urlEqualTo("/api/auth/me"))
                .withHeader("Authorization", equalTo("Bearer sso-token-1")));
    assertThat(session.user()).get().extracting(SessionUser::email).isEqualTo("admin@acme.com");
    assertThat(session.isActive()).isTrue();
    assertThat(session.token()).contains("sso-token-1");
    assertThat(session.requestOptions().tenantId())
        .contains("660e8400-e29b-41d4-a716-446655440001");
  }

  @Test
  void completeSsoWhoseTokenThePortalRefusesReturnsNoSessionAndTellsNoListener(
      WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/api/auth/me")
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\": \"Unauthorized\", \"message\": \"Invalid token\", \"statusCode\": 401}")));
    wm.getWireMock()
        .register(
            post("/api/auth/refresh")
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\": \"Unauthorized\", \"message\": \"No refresh token\", \"statusCode\": 401}")));
    PortalApiClient portal = client(wm);
    SsoCallback callback = new SsoCallback("sso-token-forged", "acme");
    List<AuthenticationException> told = new CopyOnWriteArrayList<>();

    assertThatThrownBy(() -> portal.auth().completeSso(callback, told::add))
        .isInstanceOf(AuthenticationException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sso-token-forged"));
    // the token is checked as it came: no refresh (the SSO login left no cookie here), no listener
    wm.getWireMock()
        .verifyThat(
            exactly(1),
            getRequestedFor(urlEqualTo("/api/auth/me"))
                .withHeader("Authorization", equalTo("Bearer sso-token-forged")));
    wm.getWireMock().verifyThat(exactly(0), postRequestedFor(urlEqualTo("/api/auth/refresh")));
    assertThat(told).isEmpty();
  }

  @Test
  void passwordTokensAndCookieValuesNeverReachTheTraceLog(WireMockRuntimeInfo wm) {
    WireMock server = wm.getWireMock();
    stubLogin(server, "refreshToken=rt-secret-cookie; Path=/api/auth; HttpOnly");
    server.register(
        post("/api/auth/refresh")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("auth/refresh.json"))));
    server.register(
        post("/api/auth/logout")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("auth/logout.json"))));
    PortalApiClient portal = client(wm);

    String logText;
    try (LogCapture logs = LogCapture.start()) {
      SessionTokenSource session = portal.auth().login("admin@acme.com", PASSWORD, true);
      RefreshResult refreshed = portal.auth().refresh(session);
      assertThat(session.toString()).contains("refreshToken").doesNotContain("rt-secret-cookie");
      assertThat(session.requestOptions().toString()).doesNotContain(LOGIN_TOKEN, REFRESHED_TOKEN);
      assertThat(refreshed.toString()).doesNotContain(REFRESHED_TOKEN);
      portal.auth().logout(session);
      logText = logs.text();
    }

    assertThat(logText).contains("/auth/login").contains("/auth/refresh").contains("/auth/logout");
    assertThat(logText)
        .doesNotContain(PASSWORD)
        .doesNotContain(LOGIN_TOKEN)
        .doesNotContain(REFRESHED_TOKEN)
        .doesNotContain("rt-secret-cookie");
  }
}
