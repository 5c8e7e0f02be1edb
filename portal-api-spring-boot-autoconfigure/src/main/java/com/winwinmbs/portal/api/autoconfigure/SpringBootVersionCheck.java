package com.winwinmbs.portal.api.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Stops an application on Spring Boot 3 before anything else fails. The starter brings Spring Boot
 * 4 modules (the RestClient, health and observation ones) that Boot 3 does not have, and those fail
 * later with errors that do not name the cause, such as a bean override. Registered in {@code
 * META-INF/spring.factories}, which Boot 3 reads too, and built only of types Boot 3 also has, so
 * the startup report says what to do on both.
 */
final class SpringBootVersionCheck
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  /** LoggingApplicationListener.DEFAULT_ORDER, the same in Spring Boot 3 and 4. */
  private static final int LOGGING_APPLICATION_LISTENER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

  static final String ACTION =
      """
      Upgrade to Spring Boot 4.0 or later, or stay on Spring Boot 3 with portal-api-core instead \
      of portal-api-spring-boot-starter: manage com.fasterxml.jackson.core:jackson-annotations at \
      2.21 (Spring Boot 3 manages an older one, which the client's Jackson 3 cannot load) and \
      declare the client yourself:

          @Bean
          PortalApiClient portalApiClient(@Value("${portal.api.base-url}") String baseUrl,
              @Value("${portal.api.auth.client-id}") String clientId,
              @Value("${portal.api.auth.client-secret}") String clientSecret) {
            return PortalApiClient.builder()
                .apiUrl(baseUrl)
                .tokenSource(ClientCredentialsTokenProvider.builder()
                    .apiUrl(baseUrl).clientId(clientId).clientSecret(clientSecret).build())
                .build();
          }
      """;

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    String problem = incompatibility(SpringBootVersion.getVersion());
    if (problem != null) {
      throw new PortalApiConfigurationException(problem, ACTION);
    }
  }

  /**
   * Right after logging is initialized, so the report goes where the application logs, and before
   * the application context, where the Boot 4 modules would fail.
   */
  @Override
  public int getOrder() {
    return LOGGING_APPLICATION_LISTENER_ORDER + 1;
  }

  /**
   * What is wrong with running the starter on that Spring Boot, or null when nothing is (or the
   * version cannot be told, as in a repackaged jar without manifest).
   */
  static @Nullable String incompatibility(@Nullable String springBootVersion) {
    if (springBootVersion == null) {
      return null;
    }
    int dot = springBootVersion.indexOf('.');
    String major = (dot < 0) ? springBootVersion : springBootVersion.substring(0, dot);
    try {
      if (Integer.parseInt(major.trim()) >= 4) {
        return null;
      }
    } catch (NumberFormatException ex) {
      return null;
    }
    return "portal-api-spring-boot-starter requires Spring Boot 4.0 or later, but this application"
        + " runs on Spring Boot "
        + springBootVersion
        + ".";
  }
}
