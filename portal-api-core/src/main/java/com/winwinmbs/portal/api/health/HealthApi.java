package com.winwinmbs.portal.api.health;

import com.winwinmbs.portal.api.RequestOptions;

/**
 * The {@code health} namespace: {@code GET /health}. Obtained from {@code
 * PortalApiClient.health()}.
 *
 * <pre>{@code
 * HealthStatus health = portal.health().check();
 * }</pre>
 */
public interface HealthApi {

  /**
   * A view of this namespace whose every call sends these options, laid over the ones this view
   * already has ({@link RequestOptions#with(RequestOptions)}).
   */
  HealthApi withOptions(RequestOptions options);

  /** The portal's health report ({@code GET /health}). */
  HealthStatus check();
}
