package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** The startup report of {@link PortalApiFailureAnalyzer}. */
class PortalApiFailureAnalyzerTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
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
  void malformedBaseUrlSaysWhatIsWrongNamingThePropertyNotTheBuilderMethod() {
    FailureAnalysis analysis = analyze("portal.api.base-url=ftp://files.example.com");
    assertThat(analysis.getDescription())
        .isEqualTo(
            "portal.api.base-url is not valid: 'ftp://files.example.com' must use http or https,"
                + " not ftp");
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
  void malformedBaseUrlWithMachineTokensNamesThePropertyNotTheBuilderMethod() {
    // the token source is created before the client, from the same base URL
    FailureAnalysis analysis =
        analyzeWith(
            AutoConfigurations.of(
                PortalApiAuthAutoConfiguration.class,
                PortalApiAutoConfiguration.class,
                PortalApiNamespaceAutoConfiguration.class),
            "portal.api.base-url=ftp://files.example.com",
            "portal.api.auth.client-id=app_123",
            "portal.api.auth.client-secret=secret_456");
    assertThat(analysis.getDescription())
        .startsWith("portal.api.base-url is not valid:")
        .doesNotContain("apiUrl");
  }

  @Test
  void invalidTokenEndpointNamesThePropertyNotTheBuilderMethod() {
    FailureAnalysis analysis =
        analyzeWith(
            AutoConfigurations.of(PortalApiAuthAutoConfiguration.class),
            "portal.api.base-url=https://api.example.com",
            "portal.api.auth.client-id=app_123",
            "portal.api.auth.client-secret=secret_456",
            "portal.api.auth.token-endpoint=ftp://auth.example.com/token");
    assertThat(analysis.getDescription())
        .contains("portal.api.auth.token-endpoint 'ftp://auth.example.com/token' must use http")
        .doesNotContain("tokenEndpoint")
        .doesNotContain("secret_456");
  }

  @Test
  void apiKeyWithATrailingNewlineNamesThePropertyAndNotTheKey() {
    // as read from a file or variable that ends with a newline; property values in tests are
    // trimmed, so the value is set as is
    FailureAnalysis analysis =
        analyze(
            this.runner.withInitializer(
                (context) ->
                    context
                        .getEnvironment()
                        .getPropertySources()
                        .addFirst(
                            new MapPropertySource(
                                "secrets", Map.of("portal.api.api-key", "k3y-value\n")))),
            "portal.api.base-url=https://api.example.com");
    assertThat(analysis.getDescription())
        .startsWith("portal.api.api-key holds a CR, LF or NUL character")
        .doesNotContain("apiKey")
        .doesNotContain("k3y-value");
    assertThat(analysis.getAction()).contains("trailing newline");
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
    return analyze(this.runner, properties);
  }

  private static FailureAnalysis analyzeWith(
      AutoConfigurations configurations, String... properties) {
    return analyze(new ApplicationContextRunner().withConfiguration(configurations), properties);
  }

  private static FailureAnalysis analyze(ApplicationContextRunner runner, String... properties) {
    FailureAnalysis[] analysis = new FailureAnalysis[1];
    runner
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
