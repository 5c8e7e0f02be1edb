package com.winwinmbs.portal.api.health;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code health} namespace: {@code GET /health}.
 *
 * <pre>{@code
 * HealthStatus health = portal.health().check();
 * }</pre>
 */
public final class HealthApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.health()}. */
  public HealthApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** The portal's health report. */
  public HealthStatus check() {
    return check(null);
  }

  /** The portal's health report, with per-call options. */
  public HealthStatus check(@Nullable RequestOptions options) {
    return executor.execute(Call.to(Endpoints.HEALTH_CHECK).options(options), HealthStatus.class);
  }
}
