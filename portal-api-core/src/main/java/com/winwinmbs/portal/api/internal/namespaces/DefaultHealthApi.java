package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.health.HealthStatus;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.Objects;

/** The client's {@link HealthApi}: each route as one call through the pipeline. */
public final class DefaultHealthApi implements HealthApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultHealthApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultHealthApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public HealthApi withOptions(RequestOptions options) {
    return new DefaultHealthApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public HealthStatus check() {
    return executor.execute(Call.to(Endpoints.HEALTH_CHECK).options(options), HealthStatus.class);
  }
}
