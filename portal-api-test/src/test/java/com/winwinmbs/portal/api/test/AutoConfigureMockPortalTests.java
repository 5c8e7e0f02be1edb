package com.winwinmbs.portal.api.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.organization.OrganizationApi;
import com.winwinmbs.portal.api.user.UserApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

/** {@link AutoConfigureMockPortal} with no portal settings at all: machine tokens from the mock. */
@SpringBootTest
@AutoConfigureMockPortal
class AutoConfigureMockPortalTests {

  @Autowired UserApi users;

  @Autowired OrganizationApi organizations;

  @Autowired MockPortal portal;

  @Value("${portal.api.base-url}")
  String baseUrl;

  @Test
  void pointsTheAutoConfiguredClientAtTheMock() {
    assertThat(baseUrl).isEqualTo(portal.baseUrl());
    assertThat(users.findById(MockPortalRoutesTests.SOMCHAI).username()).isEqualTo("somchai.k");
    assertThat(organizations.tree()).isNotEmpty();
    assertThat(portal.tokensIssued()).isEqualTo(1);
    portal.assertNoContractViolations();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}
}
