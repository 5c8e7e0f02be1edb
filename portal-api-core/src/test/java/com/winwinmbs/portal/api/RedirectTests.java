package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.oauth.TokenRequestFormat;
import com.winwinmbs.portal.api.testing.TestClients;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirects are never followed: whatever the status and method, the other host receives nothing,
 * and the failure names only the target's origin.
 */
class RedirectTests {

  private static final String TOKEN = "eyJ.redirect-bearer.Rd1";
  private static final String API_KEY = "app_key_redirect_Rd2";
  private static final String CLIENT_SECRET = "secret_redirect_Rd3";
  private static final String PASSWORD = "pw-redirect-Rd4";

  /**
   * The other host: a second loopback address when this machine binds one (Linux routes all of
   * 127/8 to loopback), else the same address under another name, so the origin still differs.
   */
  private static final String OTHER_HOST = canBind("127.0.0.2") ? "127.0.0.2" : "127.0.0.1";

  @RegisterExtension
  static WireMockExtension portal =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension other =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress(OTHER_HOST))
          .build();

  /** Where the portal points: the other host, with a query that must never be echoed. */
  private static String location() {
    return "http://" + OTHER_HOST + ":" + other.getPort() + "/steal?access_token=leak-Q9#frag";
  }

  private static String portalUrl() {
    // "localhost" for the portal: a different origin from the other host whichever address it has
    return "http://localhost:" + portal.getPort();
  }

  enum Redirect {
    MOVED_PERMANENTLY(301),
    FOUND(302),
    SEE_OTHER(303),
    TEMPORARY_REDIRECT(307),
    PERMANENT_REDIRECT(308);

    final int status;

    Redirect(int status) {
      this.status = status;
    }
  }

  @AfterEach
  void theOtherHostReceivedNothing() {
    assertThat(other.getAllServeEvents()).as("requests that reached the other host").isEmpty();
  }

  private static void redirectEverything(int status) {
    portal.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Location", location())
                    .withHeader("Content-Type", "text/html")
                    .withBody("<a href=\"" + location() + "\">moved</a>")));
  }

  private static PortalApiClient client() {
    return PortalApiClient.builder()
        .apiUrl(portalUrl())
        .tokenSource(TokenSource.of(TOKEN))
        .apiKey(API_KEY)
        .timeout(Duration.ofSeconds(5))
        .sleeper(duration -> {})
        .build();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Redirect.class)
  void getIsNotFollowed(Redirect redirect) {
    redirectEverything(redirect.status);

    PortalApiException e =
        catchThrowableOfType(() -> client().health().check(), PortalApiException.class);

    assertNotFollowed(e, redirect.status);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Redirect.class)
  void postIsNotFollowed(Redirect redirect) {
    redirectEverything(redirect.status);

    PortalApiException e =
        catchThrowableOfType(
            () ->
                TestClients.executor(client())
                    .execute(
                        Call.to(Endpoints.USER_CREATE)
                            .json(Map.of("email", "ann@acme.com", "password", PASSWORD)),
                        Map.class),
            PortalApiException.class);

    assertNotFollowed(e, redirect.status);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Redirect.class)
  void fileDownloadIsNotFollowed(Redirect redirect) {
    redirectEverything(redirect.status);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    PortalApiException e =
        catchThrowableOfType(
            () -> client().files().download("file_1", out), PortalApiException.class);

    assertNotFollowed(e, redirect.status);
    assertThat(out.size()).isZero();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(Redirect.class)
  void streamedFileDownloadIsNotFollowed(Redirect redirect) {
    redirectEverything(redirect.status);

    PortalApiException e =
        catchThrowableOfType(() -> client().files().download("file_1"), PortalApiException.class);

    assertNotFollowed(e, redirect.status);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(TokenRequestFormat.class)
  void aTokenEndpointRedirectDoesNotCarryTheClientSecretAway(TokenRequestFormat format) {
    for (Redirect redirect : Redirect.values()) {
      portal.resetAll();
      redirectEverything(redirect.status);
      ClientCredentialsTokenProvider tokens =
          ClientCredentialsTokenProvider.builder()
              .apiUrl(portalUrl())
              .clientId("app_redirect")
              .clientSecret(CLIENT_SECRET)
              .format(format)
              .build();
      PortalApiClient portalClient =
          PortalApiClient.builder().apiUrl(portalUrl()).tokenSource(tokens).build();

      TokenException e =
          catchThrowableOfType(() -> portalClient.health().check(), TokenException.class);

      assertThat(e.status()).isEqualTo(redirect.status);
      assertThat(e).hasMessageContaining("HTTP " + redirect.status);
      assertNoSecretIn(e);
      assertThat(portal.getAllServeEvents())
          .singleElement()
          .satisfies(event -> assertThat(event.getRequest().getUrl()).isEqualTo("/oauth/token"));
    }
  }

  @Test
  void aLoginRedirectDoesNotCarryThePasswordAway() {
    for (Redirect redirect : Redirect.values()) {
      portal.resetAll();
      redirectEverything(redirect.status);
      PortalApiClient portalClient = PortalApiClient.builder().apiUrl(portalUrl()).build();

      PortalApiException e =
          catchThrowableOfType(
              () -> portalClient.auth().login("ann@acme.com", PASSWORD, true),
              PortalApiException.class);

      assertNotFollowed(e, redirect.status);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/relative/path?access_token=leak-Q9", "::not a url::"})
  void aRelativeOrBrokenLocationIsNotEchoedEither(String location) {
    portal.stubFor(
        any(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", location)));

    PortalApiException e =
        catchThrowableOfType(() -> client().health().check(), PortalApiException.class);

    assertThat(e.status()).isEqualTo(302);
    assertThat(e)
        .hasMessageContaining("redirects are not followed")
        .hasMessageNotContaining("leak-Q9")
        .hasMessageNotContaining("not a url");
  }

  // ---------------------------------------------------------------------------------------------

  private static void assertNotFollowed(PortalApiException e, int status) {
    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e)
        .hasMessageContaining("redirects are not followed")
        .hasMessageContaining("Location points to http://" + OTHER_HOST);
    // the origin only: no port, path, query or fragment of the Location
    assertThat(e.getMessage())
        .doesNotContain(":" + other.getPort(), "/steal", "leak-Q9", "#frag", "access_token");
    assertNoSecretIn(e);
    assertThat(portal.getAllServeEvents()).hasSize(1);
  }

  private static void assertNoSecretIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain(TOKEN, API_KEY, CLIENT_SECRET, PASSWORD);
      assertThat(t.toString()).doesNotContain(TOKEN, API_KEY, CLIENT_SECRET, PASSWORD);
    }
  }

  private static boolean canBind(String address) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
