package com.winwinmbs.portal.sample;

import com.winwinmbs.portal.api.test.MockPortal;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the mock portal in process when {@code portal.api.base-url} is not set, and points the
 * client at it; registered in {@code META-INF/spring.factories} so it runs before any bean exists.
 * Set {@code portal.api.base-url} (or run with the {@code real} profile) and it does nothing. When
 * {@code sample.mock-portal.port} is taken, startup fails with a {@link
 * com.winwinmbs.portal.api.test.PortInUseException} that {@link MockPortalPortFailureAnalyzer}
 * reports in one line.
 */
public final class EmbeddedMockPortal
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMockPortal.class);

  /** For Spring's factory loader. */
  public EmbeddedMockPortal() {}

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (environment.containsProperty("portal.api.base-url")
        || !environment.getProperty("sample.mock-portal.enabled", Boolean.class, true)) {
      return;
    }
    int port = environment.getProperty("sample.mock-portal.port", Integer.class, 0);
    MockPortal portal = MockPortal.builder().port(port).start();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "embeddedMockPortal",
                Map.of(
                    "portal.api.base-url", portal.baseUrl(),
                    "portal.api.auth.token-endpoint", portal.tokenEndpoint())));
    context.getBeanFactory().registerSingleton("mockPortal", portal);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent closed
              && closed.getApplicationContext() == context) {
            portal.stop();
          }
        });
    log.info(
        "Embedded mock portal at {} (token endpoint {}, client id {})",
        portal.baseUrl(),
        portal.tokenEndpoint(),
        MockPortal.CLIENT_ID);
  }
}
