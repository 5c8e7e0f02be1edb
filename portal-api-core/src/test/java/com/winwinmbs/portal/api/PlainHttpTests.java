package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.internal.Urls;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.otp.OtpVerifyRequest;
import com.winwinmbs.portal.api.tenant.RegisterTenantRequest;
import com.winwinmbs.portal.api.tenant.SsoProviderType;
import com.winwinmbs.portal.api.tenant.TenantPlan;
import com.winwinmbs.portal.api.tenant.UpdateSsoConfigRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credentials go over plain http only to loopback, unless {@code allowInsecureHttp(true)}.
 *
 * <p>Loopback is decided from the URL alone, without a DNS lookup: {@code localhost}, names under
 * {@code .localhost} (RFC 6761 reserves them for loopback), IPv4 literals in 127.0.0.0/8 written as
 * four decimal parts, and the IPv6 literal {@code ::1}. Any other name is not trusted however it
 * reads or resolves: {@code 127.0.0.1.nip.io} is an ordinary DNS name, and even this machine's own
 * host name (which may resolve to 127.0.1.1) is not taken on trust. Unusual spellings of a loopback
 * address ({@code 127.1}, {@code 2130706433}) are refused too: refusing is the safe side.
 */
@WireMockTest
class PlainHttpTests {

  private static final String TOKEN = "eyJ.plain-http.Ph1";
  private static final String API_KEY = "app_key_plain_Ph2";
  private static final String CLIENT_SECRET = "secret_plain_Ph3";
  private static final String PASSWORD = "pw-plain-Ph4";

  @BeforeEach
  void everythingAnswers(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":true,\"data\":{\"status\":\"ok\"},\"accessToken\":\"t\","
                                + "\"access_token\":\"t\"}")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080",
        "http://LOCALHOST",
        "http://portal.localhost:8080",
        "http://127.0.0.1:9",
        "http://127.255.255.254",
        "http://[::1]:80",
        "http://[0:0:0:0:0:0:0:1]",
        "http://[::ffff:127.0.0.1]"
      })
  void loopbackIsTrustedByItsLiteralNameOrAddress(String url) {
    assertThat(Urls.isLoopback(URI.create(url))).isTrue();
    assertThatNoException()
        .isThrownBy(
            () ->
                PortalApiClient.builder()
                    .apiUrl(url)
                    .tokenSource(TokenSource.of(TOKEN))
                    .apiKey(API_KEY)
                    .build());
    assertThatNoException().isThrownBy(() -> tokenProvider(url, false));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1.nip.io",
        "http://127.evil.example",
        "http://127.0.0.1.evil.example:8080",
        "http://localhost.evil.example",
        "http://evil-localhost",
        "http://localhost.",
        "http://2130706433",
        "http://0.0.0.0",
        "http://[::2]",
        "http://10.0.0.7:8080",
        "http://api.winwinmbs.com"
      })
  void anythingElseOverPlainHttpRefusesCredentialsWhenBuilt(String url) {
    assertThat(Urls.isLoopback(URI.create(url))).isFalse();
    assertRefused(
        () -> PortalApiClient.builder().apiUrl(url).tokenSource(TokenSource.of(TOKEN)).build());
    assertRefused(() -> PortalApiClient.builder().apiUrl(url).apiKey(API_KEY).build());
    assertRefused(() -> tokenProvider(url, false));
    assertRefused(
        () ->
            ClientCredentialsTokenProvider.builder()
                .tokenEndpoint(url + "/oauth2/token?audience=portal")
                .clientId("app_plain")
                .clientSecret(CLIENT_SECRET)
                .build());
    // allowed explicitly, on a network the caller trusts
    assertThatNoException()
        .isThrownBy(
            () ->
                PortalApiClient.builder()
                    .apiUrl(url)
                    .tokenSource(TokenSource.of(TOKEN))
                    .allowInsecureHttp(true)
                    .build());
    assertThatNoException().isThrownBy(() -> tokenProvider(url, true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.1", "http://127.0.0.256", "http://127.0.0.1:8080@evil"})
  void malformedSpellingsOfALoopbackAddressAreNotUrlsTheClientAccepts(String url) {
    assertThat(Urls.isLoopback(URI.create(url))).isFalse();
    assertThatThrownBy(
            () -> PortalApiClient.builder().apiUrl(url).tokenSource(TokenSource.of(TOKEN)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(noSecret());
  }

  @Test
  void aHostNameThatResolvesToLoopbackIsStillNotTrustedAndNothingIsSent(WireMockRuntimeInfo wm)
      throws Exception {
    String host = resolvingLocalHostName();
    String url = "http://" + host + ":" + wm.getHttpPort();
    // a client without credentials can be built, but refuses each call that would carry one
    PortalApiClient anonymous =
        PortalApiClient.builder().apiUrl(url).timeout(Duration.ofSeconds(5)).build();

    assertRefused(
        () ->
            anonymous
                .health()
                .withOptions(RequestOptions.builder().tokenSource(TokenSource.of(TOKEN)).build())
                .check());
    assertRefused(
        () ->
            anonymous
                .health()
                .withOptions(
                    RequestOptions.builder().header("Authorization", "Bearer " + TOKEN).build())
                .check());
    assertRefused(
        () ->
            anonymous
                .health()
                .withOptions(RequestOptions.builder().header("X-API-Key", API_KEY).build())
                .check());
    assertRefused(
        () ->
            anonymous
                .health()
                .withOptions(RequestOptions.builder().header("Cookie", "refresh=" + TOKEN).build())
                .check());
    assertRefused(() -> anonymous.auth().login("ann@acme.com", PASSWORD, true));
    assertRefused(() -> anonymous.auth().login("ann@acme.com", PASSWORD, true, cause -> {}));
    assertRefused(
        () ->
            anonymous
                .tenant()
                .register(
                    new RegisterTenantRequest(
                        "Acme", "acme", "ann@acme.com", PASSWORD, "Ann", TenantPlan.FREE)));
    // a body that holds a secret is a credential too
    assertRefused(() -> anonymous.otp().verify(OtpVerifyRequest.of("REF-1", "918273")));
    assertRefused(
        () ->
            anonymous
                .tenant()
                .updateSso(
                    "t1",
                    UpdateSsoConfigRequest.builder(SsoProviderType.AZURE_AD)
                        .clientId("sso-client")
                        .clientSecret(CLIENT_SECRET)
                        .build()));
    assertThat(wm.getWireMock().getServeEvents()).as("requests that went out").isEmpty();

    // what carries no credential still goes out, and the same calls do when allowed
    anonymous.health().check();
    assertThat(wm.getWireMock().getServeEvents()).hasSize(1);
    PortalApiClient allowed = anonymous.toBuilder().allowInsecureHttp(true).build();
    allowed
        .health()
        .withOptions(RequestOptions.builder().tokenSource(TokenSource.of(TOKEN)).build())
        .check();
    assertThat(wm.getWireMock().getServeEvents()).hasSize(2);
  }

  @Test
  void theTokenEndpointOfAClientCredentialsProviderIsCheckedOnItsOwn() {
    // an https portal does not make a plain-http token endpoint safe
    assertRefused(
        () ->
            ClientCredentialsTokenProvider.builder()
                .apiUrl("https://portal.example.com")
                .tokenEndpoint("http://auth.example.com/oauth/token")
                .clientId("app_plain")
                .clientSecret(CLIENT_SECRET)
                .build());
  }

  // ---------------------------------------------------------------------------------------------

  private static ClientCredentialsTokenProvider tokenProvider(String url, boolean allowInsecure) {
    return ClientCredentialsTokenProvider.builder()
        .apiUrl(url)
        .clientId("app_plain")
        .clientSecret(CLIENT_SECRET)
        .allowInsecureHttp(allowInsecure)
        .build();
  }

  private static void assertRefused(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageContaining("allowInsecureHttp(true)")
        .satisfies(noSecret());
  }

  private static Consumer<Throwable> noSecret() {
    return e -> {
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage()))
            .doesNotContain(TOKEN, API_KEY, CLIENT_SECRET, PASSWORD);
      }
    };
  }

  /** This machine's host name, when it is not a loopback literal and resolves to loopback. */
  private static String resolvingLocalHostName() throws UnknownHostException {
    String host = InetAddress.getLocalHost().getHostName();
    assumeTrue(!Urls.isLoopback(URI.create("http://" + host)), "host name is a loopback name");
    assumeTrue(
        InetAddress.getByName(host).isLoopbackAddress(), "host name does not resolve to loopback");
    return host;
  }
}
