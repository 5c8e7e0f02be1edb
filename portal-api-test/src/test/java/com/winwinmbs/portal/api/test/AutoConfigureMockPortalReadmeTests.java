package com.winwinmbs.portal.api.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.user.User;
import com.winwinmbs.portal.api.user.UserApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;

/**
 * The README's Spring Boot test, with the README's configuration ({@code readme-application.yml})
 * and its credential variables unset, as in CI.
 */
@SpringBootTest(properties = "spring.config.name=readme-application")
@AutoConfigureMockPortal
class AutoConfigureMockPortalReadmeTests {

  @Autowired Onboarding onboarding;

  @Autowired MockPortal portal;

  @Test
  void theReadmesTestWorksAsWrittenWithItsCredentialVariablesUnset() {
    assertThat(System.getenv("PORTAL_CLIENT_SECRET"))
        .as("a variable the test needs unset")
        .isNull();

    assertThat(onboarding.find(MockPortalRoutesTests.SOMCHAI).username()).isEqualTo("somchai.k");

    assertThat(portal.tokensIssued()).isEqualTo(1);
    portal.assertNoContractViolations();
  }

  /** The README's service. */
  @Service
  static class Onboarding {

    private final UserApi users;

    Onboarding(UserApi users) {
      this.users = users;
    }

    User find(String id) {
      return users.findById(id);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(Onboarding.class)
  static class App {}
}
