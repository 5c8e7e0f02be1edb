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
      // Credentials the application takes from its environment (${PORTAL_CLIENT_SECRET}) are not
      // set where tests run, as in CI: the mock's own stand in for them.
      if (unresolvable(environment, "portal.api.api-key")) {
        properties.put("portal.api.api-key", MockPortal.API_KEY);
      }
      String clientId = value(environment, "portal.api.auth.client-id");
      String token = value(environment, "portal.api.auth.token");
      String registrationId = value(environment, "portal.api.auth.registration-id");
      if (unresolvable(environment, "portal.api.auth.client-id")) {
        properties.put("portal.api.auth.client-id", MockPortal.CLIENT_ID);
        properties.put("portal.api.auth.client-secret", MockPortal.CLIENT_SECRET);
        properties.put("portal.api.auth.token-endpoint", portal.tokenEndpoint());
      } else if (hasText(clientId)) {
        properties.put("portal.api.auth.token-endpoint", portal.tokenEndpoint());
        teachClient(portal, environment, "portal.api.auth.", clientId, properties);
      } else if (unresolvable(environment, "portal.api.auth.token")) {
        properties.put("portal.api.auth.token", MockPortal.ACCESS_TOKEN);
      } else if (hasText(token)) {
        portal.acceptToken(token);
      } else if (hasText(registrationId)) {
        registration(portal, environment, registrationId, properties);
      } else if (!hasText(value(environment, "portal.api.auth.mode"))) {
        properties.put("portal.api.auth.client-id", MockPortal.CLIENT_ID);
        properties.put("portal.api.auth.client-secret", MockPortal.CLIENT_SECRET);
        properties.put("portal.api.auth.token-endpoint", portal.tokenEndpoint());
      }
      return properties;
    }

    /**
     * The Spring Security registration's client: the mock's own where the application's comes from
     * an unset placeholder, else the application's, taught to the mock. Its provider's token-uri is
     * the application's to point at {@code ${portal.mock.token-endpoint}}.
     */
    private static void registration(
        MockPortal portal,
        ConfigurableEnvironment environment,
        String registrationId,
        Map<String, Object> properties) {
      String prefix = "spring.security.oauth2.client.registration." + registrationId + ".";
      if (unresolvable(environment, prefix + "client-id")) {
        properties.put(prefix + "client-id", MockPortal.CLIENT_ID);
        properties.put(prefix + "client-secret", MockPortal.CLIENT_SECRET);
        return;
      }
      String clientId = value(environment, prefix + "client-id");
      if (hasText(clientId)) {
        teachClient(portal, environment, prefix, clientId, properties);
      }
    }

    /** Teaches the mock the application's client, with the mock's secret if its own is unset. */
    private static void teachClient(
        MockPortal portal,
        ConfigurableEnvironment environment,
        String prefix,
        String clientId,
        Map<String, Object> properties) {
      String secret = value(environment, prefix + "client-secret");
      if (unresolvable(environment, prefix + "client-secret")) {
        secret = MockPortal.CLIENT_SECRET;
        properties.put(prefix + "client-secret", secret);
      }
      if (hasText(secret)) {
        portal.acceptClient(clientId, secret);
      }
    }

    /** The property's value, or null when it is unset or holds a placeholder nothing resolves. */
    private static @Nullable String value(ConfigurableEnvironment environment, String name) {
      try {
        return environment.getProperty(name);
      } catch (IllegalArgumentException ex) {
        return null;
      }
    }

    /** Whether the property is set to a placeholder nothing resolves, such as an unset variable. */
    private static boolean unresolvable(ConfigurableEnvironment environment, String name) {
      try {
        environment.getProperty(name);
        return false;
      } catch (IllegalArgumentException ex) {
        return true;
      }
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
