package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** The startup report of {@link PortalApiFailureAnalyzer}. */
class PortalApiFailureAnalyzerTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  SslAutoConfiguration.class));

  @Test
  void analyzerIsRegistered() {
    List<FailureAnalyzer> analyzers =
        SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
            .load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> {}));
    assertThat(analyzers).hasAtLeastOneElementOfType(PortalApiFailureAnalyzer.class);
  }

  @Test
  void missingBaseUrlSaysWhatToSet() {
    FailureAnalysis analysis = analyze();
    assertThat(analysis.getDescription())
        .isEqualTo("portal.api.base-url is not set; the portal client needs it.");
    assertThat(analysis.getAction())
        .isEqualTo(
            "Set portal.api.base-url to the portal's base URL, for example https://api.winwinmbs.com.");
  }

  @Test
  void malformedBaseUrlSaysWhatIsWrong() {
    FailureAnalysis analysis = analyze("portal.api.base-url=ftp://files.example.com");
    assertThat(analysis.getDescription())
        .startsWith("portal.api.base-url is not valid:")
        .contains("must use http or https");
    assertThat(analysis.getAction())
        .startsWith("Set portal.api.base-url to an absolute http(s) URL");
  }

  @Test
  void baseUrlWithCredentialsIsNotEchoed() {
    FailureAnalysis analysis = analyze("portal.api.base-url=https://admin:hunter2@api.example.com");
    assertThat(analysis.getDescription())
        .contains("must not carry user info")
        .doesNotContain("hunter2");
  }

  @Test
  void plainHttpWithCredentialsSaysHowToAllowIt() {
    FailureAnalysis analysis =
        analyze("portal.api.base-url=http://portal.internal", "portal.api.api-key=k");
    assertThat(analysis.getDescription())
        .isEqualTo(
            "portal.api.base-url uses plain http to portal.internal, so tokens and API keys would travel unencrypted.");
    assertThat(analysis.getAction()).contains("portal.api.allow-insecure-http=true");
  }

  @Test
  void unknownSslBundleSaysWhereToDefineIt() {
    FailureAnalysis analysis =
        analyze("portal.api.base-url=https://api.example.com", "portal.api.ssl.bundle=portal-ca");
    assertThat(analysis.getDescription())
        .isEqualTo(
            "portal.api.ssl.bundle names the SSL bundle 'portal-ca', which is not configured.");
    assertThat(analysis.getAction()).contains("spring.ssl.bundle.pem.portal-ca");
  }

  @Test
  void invalidDurationNamesTheProperty() {
    FailureAnalysis analysis =
        analyze("portal.api.base-url=https://api.example.com", "portal.api.timeout=0s");
    assertThat(analysis.getDescription()).startsWith("portal.api.timeout is not valid");
    assertThat(analysis.getAction()).startsWith("Set portal.api.timeout to a positive duration");
  }

  @Test
  void negativeConnectTimeoutNamesTheProperty() {
    FailureAnalysis analysis =
        analyze("portal.api.base-url=https://api.example.com", "portal.api.connect-timeout=-1s");
    assertThat(analysis.getDescription()).startsWith("portal.api.connect-timeout is not valid");
  }

  @Test
  void configurationExceptionOfAnyPortalBeanIsReported() {
    // The auth auto-configuration throws the same exception for an unknown registration id.
    new ApplicationContextRunner()
        .withBean(
            String.class,
            () -> {
              throw new PortalApiConfigurationException(
                  "portal.api.auth.registration-id is 'portal' but no such client registration exists.",
                  "Add spring.security.oauth2.client.registration.portal.* or correct portal.api.auth.registration-id.");
            })
        .run(
            (context) -> {
              FailureAnalysis analysis =
                  new PortalApiFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .startsWith("portal.api.auth.registration-id is 'portal'");
              assertThat(analysis.getAction())
                  .startsWith("Add spring.security.oauth2.client.registration.portal.*");
            });
  }

  private FailureAnalysis analyze(String... properties) {
    FailureAnalysis[] analysis = new FailureAnalysis[1];
    this.runner
        .withPropertyValues(properties)
        .run(
            (context) -> {
              assertThat(context).hasFailed();
              analysis[0] = new PortalApiFailureAnalyzer().analyze(context.getStartupFailure());
            });
    assertThat(analysis[0]).isNotNull();
    return analysis[0];
  }
}
