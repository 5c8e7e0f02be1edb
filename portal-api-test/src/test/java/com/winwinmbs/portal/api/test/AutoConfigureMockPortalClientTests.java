package com.winwinmbs.portal.api.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.health.HealthApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

/** The application's own client id is taught to the mock and its token endpoint redirected. */
@SpringBootTest(
    properties = {
      "portal.api.auth.client-id=app_billing",
      "portal.api.auth.client-secret=billing-secret",
      "portal.api.auth.token-endpoint=https://sso.example.com/oauth/token"
    })
@AutoConfigureMockPortal
class AutoConfigureMockPortalClientTests {

  @Autowired HealthApi health;

  @Autowired MockPortal portal;

  @Test
  void theApplicationsClientGetsTokensFromTheMock() {
    assertThat(health.check().status()).isEqualTo("ok");
    assertThat(portal.tokensIssued()).isEqualTo(1);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}
}
