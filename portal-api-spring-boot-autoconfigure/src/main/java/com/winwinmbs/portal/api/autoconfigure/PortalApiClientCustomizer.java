package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.PortalApiClient;

/**
 * Customizes the auto-configured {@link PortalApiClient} before it is built. Customizers are
 * applied in {@link org.springframework.core.annotation.Order @Order} order, after the properties.
 */
@FunctionalInterface
public interface PortalApiClientCustomizer {

  /** Customizes the builder. */
  void customize(PortalApiClient.Builder builder);
}
