package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the client from {@code portal.api.base-url} and the unique {@link TokenSource} bean, as
 * the client auto-configuration does, so these tests do not depend on it.
 */
@Configuration(proxyBeanMethods = false)
class TestPortalClientConfiguration {

  /** A 5xx must not be retried with a real backoff in tests; a 401 retry is not a 5xx retry. */
  @Bean
  PortalApiClient portalApiClient(
      PortalApiProperties properties, ObjectProvider<TokenSource> tokenSource) {
    return PortalApiClient.builder()
        .apiUrl(properties.getBaseUrl())
        .tokenSource(tokenSource.getIfUnique())
        .timeout(Duration.ofSeconds(10))
        .maxAttempts(1)
        .build();
  }
}
