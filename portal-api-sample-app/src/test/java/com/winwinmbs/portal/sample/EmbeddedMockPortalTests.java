package com.winwinmbs.portal.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.test.MockPortal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The embedded mock portal starts only when no portal base URL is configured. */
class EmbeddedMockPortalTests {

  @Test
  void configuredBaseUrlSwitchesTheMockOff() {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "test", Map.of("portal.api.base-url", "https://api.winwinmbs.com")));

      new EmbeddedMockPortal().initialize(context);

      assertThat(context.getBeanFactory().containsBean("mockPortal")).isFalse();
      assertThat(context.getEnvironment().getProperty("portal.api.base-url"))
          .isEqualTo("https://api.winwinmbs.com");
    }
  }

  @Test
  void withoutBaseUrlTheMockStartsAndStopsWithTheContext() {
    MockPortal portal;
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("test", Map.of("sample.mock-portal.port", "0")));

      new EmbeddedMockPortal().initialize(context);
      context.refresh();

      portal = context.getBean(MockPortal.class);
      assertThat(context.getEnvironment().getProperty("portal.api.base-url"))
          .isEqualTo(portal.baseUrl());
      assertThat(portal.wireMock().isRunning()).isTrue();
    }
    assertThat(portal.wireMock().isRunning()).isFalse();
  }
}
