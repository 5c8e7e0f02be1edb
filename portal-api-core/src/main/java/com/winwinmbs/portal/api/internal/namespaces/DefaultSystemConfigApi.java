package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.systemconfig.SystemConfig;
import com.winwinmbs.portal.api.systemconfig.SystemConfigApi;
import com.winwinmbs.portal.api.systemconfig.SystemConfigUpdateRequest;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JavaType;

/** The client's {@link SystemConfigApi}: each route as one call through the pipeline. */
public final class DefaultSystemConfigApi implements SystemConfigApi {

  private static final JavaType LIST =
      PortalJson.MAPPER.getTypeFactory().constructCollectionType(List.class, SystemConfig.class);

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultSystemConfigApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultSystemConfigApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public SystemConfigApi withOptions(RequestOptions options) {
    return new DefaultSystemConfigApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public List<SystemConfig> getCategory(String category) {
    Objects.requireNonNull(category, "category == null");
    List<SystemConfig> settings =
        executor.execute(
            Call.to(Endpoints.SYSTEM_CONFIG_GET_CATEGORY)
                .path("category", category)
                .options(options),
            LIST);
    return settings == null ? List.of() : settings;
  }

  @Override
  public SystemConfig getByKey(String key) {
    Objects.requireNonNull(key, "key == null");
    return executor.execute(
        Call.to(Endpoints.SYSTEM_CONFIG_GET_BY_KEY).path("key", key).options(options),
        SystemConfig.class);
  }

  @Override
  public SystemConfig update(String key, SystemConfigUpdateRequest request) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.SYSTEM_CONFIG_UPDATE).path("key", key).json(request).options(options),
        SystemConfig.class);
  }
}
