package com.winwinmbs.portal.api.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Spring TestContext hook behind {@link AutoConfigureMockPortal}; registered in {@code
 * META-INF/spring.factories}.
 */
public final class MockPortalContextCustomizerFactory implements ContextCustomizerFactory {

  /** For Spring's factory loader. */
  public MockPortalContextCustomizerFactory() {}

  @Override
  public @Nullable ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureMockPortal.class)
        ? new Customizer()
        : null;
  }

  /** Starts the mock and adds its properties; equal to every other, so contexts stay cached. */
  static final class Customizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE = "mockPortal";

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      ConfigurableEnvironment environment = context.getEnvironment();
      MockPortal portal = MockPortal.start();
      environment
          .getPropertySources()
          .addFirst(new MapPropertySource(PROPERTY_SOURCE, properties(portal, environment)));
      context.getBeanFactory().registerSingleton("mockPortal", portal);
      context.addApplicationListener(
          event -> {
            if (event instanceof ContextClosedEvent closed
                && closed.getApplicationContext() == context) {
              portal.stop();
            }
          });
    }

    static Map<String, Object> properties(MockPortal portal, ConfigurableEnvironment environment) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("portal.api.base-url", portal.baseUrl());
      properties.put("portal.mock.base-url", portal.baseUrl());
      properties.put("portal.mock.token-endpoint", portal.tokenEndpoint());
      String clientId = environment.getProperty("portal.api.auth.client-id");
      String clientSecret = environment.getProperty("portal.api.auth.client-secret");
      String token = environment.getProperty("portal.api.auth.token");
      if (hasText(clientId)) {
        properties.put("portal.api.auth.token-endpoint", portal.tokenEndpoint());
        if (hasText(clientSecret)) {
          portal.acceptClient(clientId, clientSecret);
        }
      } else if (hasText(token)) {
        portal.acceptToken(token);
      } else if (!hasText(environment.getProperty("portal.api.auth.mode"))
          && !hasText(environment.getProperty("portal.api.auth.registration-id"))) {
        properties.put("portal.api.auth.client-id", MockPortal.CLIENT_ID);
        properties.put("portal.api.auth.client-secret", MockPortal.CLIENT_SECRET);
        properties.put("portal.api.auth.token-endpoint", portal.tokenEndpoint());
      }
      return properties;
    }

    private static boolean hasText(@Nullable String value) {
      return value != null && !value.isBlank();
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Customizer;
    }

    @Override
    public int hashCode() {
      return Customizer.class.hashCode();
    }
  }
}
