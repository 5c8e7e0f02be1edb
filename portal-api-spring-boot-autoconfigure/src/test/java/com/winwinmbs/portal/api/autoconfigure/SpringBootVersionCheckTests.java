package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** {@link SpringBootVersionCheck} on versions of every kind. */
class SpringBootVersionCheckTests {

  @ParameterizedTest
  @ValueSource(strings = {"3.5.7", "3.0.0", "2.7.18", "3.5.8-SNAPSHOT"})
  void springBootBeforeFourIsRefusedNamingTheVersion(String version) {
    assertThat(SpringBootVersionCheck.incompatibility(version))
        .isEqualTo(
            "portal-api-spring-boot-starter requires Spring Boot 4.0 or later, but this"
                + " application runs on Spring Boot "
                + version
                + ".");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4.0.0", "4.0.9", "4.1.1", "4.2.0-M1", "5.0.0-SNAPSHOT", "10.1.0"})
  void springBootFourOrLaterPasses(String version) {
    assertThat(SpringBootVersionCheck.incompatibility(version)).isNull();
  }

  @Test
  void anUnknownVersionPasses() {
    assertThat(SpringBootVersionCheck.incompatibility(null)).isNull();
    assertThat(SpringBootVersionCheck.incompatibility("unknown")).isNull();
  }

  @Test
  void theReportSaysHowToUseTheCoreOnSpringBootThree() {
    FailureAnalysis analysis =
        new PortalApiFailureAnalyzer()
            .analyze(
                new PortalApiConfigurationException(
                    SpringBootVersionCheck.incompatibility("3.5.7"),
                    SpringBootVersionCheck.ACTION));

    assertThat(analysis.getDescription()).contains("requires Spring Boot 4.0 or later");
    assertThat(analysis.getAction())
        .startsWith("Upgrade to Spring Boot 4.0 or later, or stay on Spring Boot 3 with")
        .contains("portal-api-core instead of portal-api-spring-boot-starter")
        .contains("PortalApiClient.builder()")
        .contains("ClientCredentialsTokenProvider.builder()");
  }

  @Test
  void theCheckIsAnApplicationListenerSpringBootThreeLoadsToo() {
    @SuppressWarnings("rawtypes")
    List<ApplicationListener> listeners =
        SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
            .load(ApplicationListener.class);
    assertThat(listeners).hasAtLeastOneElementOfType(SpringBootVersionCheck.class);
  }
}
