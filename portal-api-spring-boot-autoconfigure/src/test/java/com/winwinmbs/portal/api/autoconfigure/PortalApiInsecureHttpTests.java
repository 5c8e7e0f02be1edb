package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Plain http in {@code portal.api.*}: credentials for a remote host stop the startup with a report
 * that says how to allow it, {@code portal.api.allow-insecure-http=true} allows it, and loopback
 * hosts are always allowed.
 */
class PortalApiInsecureHttpTests {

  private static final String REMOTE = "portal.api.base-url=http://portal.example.com";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAuthAutoConfiguration.class,
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class,
                  SslAutoConfiguration.class));

  @Test
  void staticTokenOverPlainHttpToARemoteHostFailsStartupSayingHowToAllowIt() {
    FailureAnalysis analysis =
        analyze(REMOTE, "portal.api.auth.mode=static", "portal.api.auth.token=t0k3n");

    assertThat(analysis.getDescription())
        .isEqualTo(
            "portal.api.base-url uses plain http to portal.example.com, so tokens and API keys would travel unencrypted.")
        .doesNotContain("t0k3n");
    assertThat(analysis.getAction())
        .isEqualTo(
            "Use an https URL, or set portal.api.allow-insecure-http=true on a trusted network.");
  }

  @Test
  void forwardedUserTokensOverPlainHttpToARemoteHostFailStartup() {
    FailureAnalysis analysis = analyze(REMOTE, "portal.api.auth.mode=forward");

    assertThat(analysis.getDescription())
        .startsWith("portal.api.base-url uses plain http to portal.example.com");
    assertThat(analysis.getAction()).contains("portal.api.allow-insecure-http=true");
  }

  @Test
  void clientSecretOverPlainHttpToARemoteTokenEndpointFailsStartupSayingHowToAllowIt() {
    FailureAnalysis analysis =
        analyze(
            REMOTE,
            "portal.api.auth.mode=client-credentials",
            "portal.api.auth.client-id=billing",
            "portal.api.auth.client-secret=s3cret");

    assertThat(analysis.getDescription())
        .contains("plain http to portal.example.com")
        .contains("client secret")
        .doesNotContain("s3cret");
    assertThat(analysis.getAction()).contains("portal.api.allow-insecure-http=true");
  }

  @Test
  void credentialsOverPlainHttpToARemoteHostAreAllowedByProperty() {
    this.runner
        .withPropertyValues(
            REMOTE,
            "portal.api.allow-insecure-http=true",
            "portal.api.api-key=k",
            "portal.api.auth.mode=client-credentials",
            "portal.api.auth.client-id=billing",
            "portal.api.auth.client-secret=s3cret")
        .run(
            (context) -> {
              assertThat(context).hasNotFailed().hasSingleBean(PortalApiClient.class);
              assertThat(context.getBean(PortalApiClient.class).baseUrl())
                  .isEqualTo("http://portal.example.com");
            });
  }

  @Test
  void plainHttpToARemoteHostWithoutCredentialsStarts() {
    this.runner
        .withPropertyValues(REMOTE)
        .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PortalApiClient.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080",
        "http://LOCALHOST:8080",
        "http://portal.localhost:8080",
        "http://127.0.0.1:8080",
        "http://127.10.0.1",
        "http://[::1]:8080"
      })
  void credentialsOverPlainHttpToLoopbackAreAllowed(String baseUrl) {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + baseUrl,
            "portal.api.api-key=k",
            "portal.api.auth.mode=static",
            "portal.api.auth.token=t0k3n")
        .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PortalApiClient.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost.example.com", "http://127.example.com"})
  void hostsThatOnlyLookLikeLoopbackAreNotAllowed(String baseUrl) {
    FailureAnalysis analysis = analyze("portal.api.base-url=" + baseUrl, "portal.api.api-key=k");

    assertThat(analysis.getDescription()).contains("uses plain http to");
  }

  @Test
  void registrationWhoseTokenUriIsPlainHttpToARemoteHostFailsStartupSayingHowToAllowIt() {
    FailureAnalysis analysis =
        analyze(
            withRegistration("http://auth.example.com/oauth/token"),
            "portal.api.base-url=https://portal.example.com");

    assertThat(analysis.getDescription())
        .isEqualTo(
            "The token-uri of registration 'portal' uses plain http to auth.example.com, so the client secret would travel unencrypted.")
        .doesNotContain("s3cret-reg");
    assertThat(analysis.getAction()).contains("portal.api.allow-insecure-http=true");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:9000/oauth/token",
        "http://127.0.0.1:9000/oauth/token",
        "https://auth.example.com/oauth/token"
      })
  void registrationWhoseTokenUriIsLoopbackOrHttpsStarts(String tokenUri) {
    withRegistration(tokenUri)
        .withPropertyValues("portal.api.base-url=https://portal.example.com")
        .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TokenSource.class));
  }

  @Test
  void registrationWhoseTokenUriIsPlainHttpStartsWhenAllowedByProperty() {
    withRegistration("http://auth.example.com/oauth/token")
        .withPropertyValues(
            "portal.api.base-url=https://portal.example.com", "portal.api.allow-insecure-http=true")
        .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TokenSource.class));
  }

  private ApplicationContextRunner withRegistration(String tokenUri) {
    return this.runner
        .withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class))
        .withPropertyValues(
            "portal.api.auth.registration-id=portal",
            "spring.security.oauth2.client.registration.portal.client-id=app_reg",
            "spring.security.oauth2.client.registration.portal.client-secret=s3cret-reg",
            "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.registration.portal.provider=portal",
            "spring.security.oauth2.client.provider.portal.token-uri=" + tokenUri);
  }

  private FailureAnalysis analyze(ApplicationContextRunner runner, String... properties) {
    FailureAnalysis[] analysis = new FailureAnalysis[1];
    runner
        .withPropertyValues(properties)
        .run(
            (context) -> {
              assertThat(context).hasFailed();
              analysis[0] = new PortalApiFailureAnalyzer().analyze(context.getStartupFailure());
            });
    assertThat(analysis[0]).as("a report of the portal client's failure analyzer").isNotNull();
    return analysis[0];
  }

  private FailureAnalysis analyze(String... properties) {
    return analyze(this.runner, properties);
  }
}
