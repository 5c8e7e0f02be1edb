package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

/**
 * The Spring Boot the tests run on: each surefire execution names the one its class path holds, so
 * the run on the oldest supported line cannot silently fall back to the newest.
 */
class SpringBootVersionTests {

  @Test
  void theTestsRunOnTheSpringBootTheirExecutionNames() {
    String expected = System.getProperty("expected.spring-boot.version");
    assertThat(expected)
        .as("expected.spring-boot.version, set by the surefire execution")
        .isNotNull();
    assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
    System.out.println(
        "Running on Spring Boot "
            + SpringBootVersion.getVersion()
            + ", Spring Framework "
            + SpringVersion.getVersion());
  }
}
