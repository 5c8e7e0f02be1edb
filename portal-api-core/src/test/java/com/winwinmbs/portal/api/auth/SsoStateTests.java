package com.winwinmbs.portal.api.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SSO callback's {@code state}, both ways, over real HTTP: a browser (the JDK client, not
 * following redirects) follows {@link AuthApi#ssoLoginUrl} to the portal, which sends it on to the
 * front end's callback page with the token and tenant. One portal (provider {@code azuread}) hands
 * the client's {@code state} back; the other ({@code google}) does not. {@link
 * SsoStateCheck#REQUIRED} refuses the second and accepts the first; {@link SsoStateCheck#IF_ECHOED}
 * accepts both, and still refuses a state that is not the one issued.
 */
@WireMockTest
class SsoStateTests {

  static final String CALLBACK = "https://app.colaflow.com/auth/callback";
  static final String SSO_TOKEN = "sso-token-Vn4";

  private final HttpClient browser =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private WireMockRuntimeInfo wm;
  private PortalApiClient portal;

  @BeforeEach
  void stubPortal(WireMockRuntimeInfo wm) {
    this.wm = wm;
    // echoes the client's state on the callback URL
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/api/auth/sso/login"))
                .withQueryParam("provider", equalTo("azuread"))
                .willReturn(
                    aResponse()
                        .withStatus(302)
                        .withHeader(
                            "Location",
                            CALLBACK
                                + "?token="
                                + SSO_TOKEN
                                + "&tenant=acme&state={{request.query.state}}")
                        .withTransformers("response-template")));
    // keeps a state of its own for the identity provider and hands none back
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/api/auth/sso/login"))
                .withQueryParam("provider", equalTo("google"))
                .willReturn(
                    aResponse()
                        .withStatus(302)
                        .withHeader(
                            "Location", CALLBACK + "?token=" + SSO_TOKEN + "&tenant=acme")));
    wm.getWireMock()
        .register(
            get("/api/auth/me")
                .withHeader("Authorization", equalTo("Bearer " + SSO_TOKEN))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("auth/me.json"))));
    portal = TestClients.builder(wm).guideBasePath("/api").build();
  }

  /** Follows the login URL as a browser does and returns where the portal sent it. */
  private URI callbackOf(SsoLogin login) throws Exception {
    HttpResponse<Void> answer =
        browser.send(
            HttpRequest.newBuilder(login.url()).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(answer.statusCode()).isEqualTo(302);
    URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(CALLBACK);
    return location;
  }

  @Test
  void requiredRefusesACallbackWithoutStateAndSaysWhichModeAcceptsIt() throws Exception {
    AuthApi auth = portal.auth();
    SsoLogin login = auth.ssoLoginUrl(SsoProvider.GOOGLE, "/dashboard");
    URI callback = callbackOf(login);
    assertThat(callback.getQuery()).doesNotContain("state");

    for (SsoCallbackException refused :
        new SsoCallbackException[] {
          catchRefusal(() -> auth.ssoCallback(callback, login.state())),
          catchRefusal(() -> auth.ssoCallback(callback, login.state(), SsoStateCheck.REQUIRED)),
          catchRefusal(
              () ->
                  auth.ssoCallback(
                      Map.of("token", SSO_TOKEN, "tenant", "acme"),
                      login.state(),
                      SsoStateCheck.REQUIRED))
        }) {
      assertThat(refused.reason()).isEqualTo(SsoCallbackException.Reason.MISSING_STATE);
      assertThat(refused.getMessage())
          .contains("carries no state", "SsoStateCheck.IF_ECHOED")
          .doesNotContain(SSO_TOKEN, login.state());
    }
    assertThat(portalCallsToMe()).isZero();
  }

  @Test
  void requiredAcceptsTheCallbackThatEchoesTheStateIssuedAndCompleteSsoStartsTheSession()
      throws Exception {
    AuthApi auth = portal.auth();
    SsoLogin login = auth.ssoLoginUrl(SsoProvider.AZURE_AD, "/dashboard");
    URI callbackUrl = callbackOf(login);
    assertThat(callbackUrl.getQuery()).endsWith("&state=" + login.state());

    SsoCallback callback = auth.ssoCallback(callbackUrl, login.state());
    SessionTokenSource session = auth.completeSso(callback);

    assertThat(callback.accessToken()).isEqualTo(SSO_TOKEN);
    assertThat(callback.tenant()).isEqualTo("acme");
    assertThat(session.isActive()).isTrue();
    assertThat(session.token()).contains(SSO_TOKEN);
    assertThat(session.user()).get().extracting(SessionUser::email).isEqualTo("admin@acme.com");
  }

  @Test
  void requiredRefusesTheEchoedStateOfAnotherLogin() throws Exception {
    AuthApi auth = portal.auth();
    SsoLogin mine = auth.ssoLoginUrl(SsoProvider.AZURE_AD, null);
    SsoLogin another = auth.ssoLoginUrl(SsoProvider.AZURE_AD, null);

    SsoCallbackException refused =
        catchRefusal(() -> auth.ssoCallback(callbackOf(another), mine.state()));

    assertThat(refused.reason()).isEqualTo(SsoCallbackException.Reason.STATE_MISMATCH);
    assertThat(refused.getMessage()).doesNotContain(SSO_TOKEN, mine.state(), another.state());
  }

  @Test
  void ifEchoedAcceptsACallbackWithoutStateAndCompleteSsoThenStartsTheSession() throws Exception {
    AuthApi auth = portal.auth();
    SsoLogin login = auth.ssoLoginUrl(SsoProvider.GOOGLE, "/dashboard");
    URI callbackUrl = callbackOf(login);

    SsoCallback callback = auth.ssoCallback(callbackUrl, login.state(), SsoStateCheck.IF_ECHOED);
    SessionTokenSource session = auth.completeSso(callback);

    assertThat(callback.accessToken()).isEqualTo(SSO_TOKEN);
    assertThat(session.isActive()).isTrue();
    assertThat(session.token()).contains(SSO_TOKEN);
    assertThat(session.user()).get().extracting(SessionUser::email).isEqualTo("admin@acme.com");
    assertThat(session.requestOptions().tenantId())
        .contains("660e8400-e29b-41d4-a716-446655440001");
    assertThat(portalCallsToMe()).isEqualTo(1);
    // the decoded parameters of the same callback are accepted alike
    assertThat(
            auth.ssoCallback(
                    Map.of("token", SSO_TOKEN, "tenant", "acme"),
                    login.state(),
                    SsoStateCheck.IF_ECHOED)
                .accessToken())
        .isEqualTo(SSO_TOKEN);
  }

  @Test
  void ifEchoedStillRefusesAStateThatIsNotTheOneIssuedAndAcceptsTheRightOne() throws Exception {
    AuthApi auth = portal.auth();
    SsoLogin mine = auth.ssoLoginUrl(SsoProvider.AZURE_AD, null);
    SsoLogin another = auth.ssoLoginUrl(SsoProvider.AZURE_AD, null);

    SsoCallbackException refused =
        catchRefusal(
            () -> auth.ssoCallback(callbackOf(another), mine.state(), SsoStateCheck.IF_ECHOED));
    SsoCallbackException forged =
        catchRefusal(
            () ->
                auth.ssoCallback(
                    Map.of("token", "t", "tenant", "acme", "state", "attacker-state"),
                    mine.state(),
                    SsoStateCheck.IF_ECHOED));
    SsoCallback accepted =
        auth.ssoCallback(callbackOf(mine), mine.state(), SsoStateCheck.IF_ECHOED);

    assertThat(refused.reason()).isEqualTo(SsoCallbackException.Reason.STATE_MISMATCH);
    assertThat(forged.reason()).isEqualTo(SsoCallbackException.Reason.STATE_MISMATCH);
    assertThat(forged.getMessage()).doesNotContain("attacker-state");
    assertThat(accepted.accessToken()).isEqualTo(SSO_TOKEN);
    assertThat(auth.completeSso(accepted).isActive()).isTrue();
  }

  @Test
  void ifEchoedStillRequiresTheTokenTenantAndAStateIssued() {
    AuthApi auth = portal.auth();
    String state = auth.ssoLoginUrl(SsoProvider.GOOGLE, null).state();

    assertThat(
            catchRefusal(
                    () ->
                        auth.ssoCallback(
                            URI.create(CALLBACK + "?tenant=acme"), state, SsoStateCheck.IF_ECHOED))
                .reason())
        .isEqualTo(SsoCallbackException.Reason.MISSING_TOKEN);
    assertThat(
            catchRefusal(
                    () ->
                        auth.ssoCallback(
                            URI.create(CALLBACK + "?token=t"), state, SsoStateCheck.IF_ECHOED))
                .reason())
        .isEqualTo(SsoCallbackException.Reason.MISSING_TENANT);
    assertThatThrownBy(
            () ->
                auth.ssoCallback(
                    URI.create(CALLBACK + "?token=t&tenant=acme"), " ", SsoStateCheck.IF_ECHOED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedState must be the state ssoLoginUrl(...) returned");
  }

  private int portalCallsToMe() {
    return wm.getWireMock().find(getRequestedFor(urlEqualTo("/api/auth/me"))).size();
  }

  private static SsoCallbackException catchRefusal(ThrowingCall call) {
    try {
      call.run();
    } catch (SsoCallbackException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected an SsoCallbackException, got " + e, e);
    }
    throw new AssertionError("the callback was accepted");
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }
}
