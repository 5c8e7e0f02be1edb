package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.PortalApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code portal.api.call-timeout}, {@code max-response-size} and {@code guide-base-path}. */
class PortalApiCallBoundsPropertiesTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAutoConfiguration.class, PortalApiNamespaceAutoConfiguration.class))
          .withPropertyValues("portal.api.base-url=https://portal.example.com");

  @Test
  void theClientGetsTheCallBoundsAndTheGuidePrefix() {
    this.runner
        .withPropertyValues(
            "portal.api.call-timeout=2s",
            "portal.api.max-response-size=1MB",
            "portal.api.guide-base-path=/api/")
        .run(
            (context) ->
                assertThat(context.getBean(PortalApiClient.class).toString())
                    .contains("callTimeout=PT2S")
                    .contains("maxResponseSize=1048576")
                    .contains("guideBasePath=/api"));
  }

  @Test
  void byDefaultThereIsNoCallTimeoutNoPrefixAnd16MiB() {
    this.runner.run(
        (context) ->
            assertThat(context.getBean(PortalApiClient.class).toString())
                .doesNotContain("callTimeout")
                .doesNotContain("guideBasePath")
                .contains("maxResponseSize=16777216"));
  }

  @Test
  void anInvalidValueFailsStartupNamingTheProperty() {
    this.runner
        .withPropertyValues("portal.api.guide-base-path=api")
        .run(
            (context) ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("portal.api.guide-base-path must start with '/'"));
    this.runner
        .withPropertyValues("portal.api.call-timeout=0s")
        .run(
            (context) ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("portal.api.call-timeout"));
  }
}
