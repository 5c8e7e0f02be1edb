package com.winwinmbs.portal.api.systemconfig;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

/**
 * The {@code systemConfig} namespace ({@code /system-configs/*}): read the portal's settings by
 * category or key and change one (admin-scoped).
 *
 * <pre>{@code
 * List<SystemConfig> email = portal.systemConfig().getCategory("email");
 * SystemConfig sender = portal.systemConfig().getByKey("email.sender_name");
 * portal.systemConfig().update("email.sender_name", SystemConfigUpdateRequest.of("WINWIN Portal"));
 * }</pre>
 */
public final class SystemConfigApi {

  private static final JavaType LIST =
      PortalJson.MAPPER.getTypeFactory().constructCollectionType(List.class, SystemConfig.class);

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.systemConfig()}. */
  public SystemConfigApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** Every setting of a category, for example {@code email}. */
  public List<SystemConfig> getCategory(String category) {
    return getCategory(category, null);
  }

  /** Every setting of a category, with per-call options. */
  public List<SystemConfig> getCategory(String category, @Nullable RequestOptions options) {
    Objects.requireNonNull(category, "category == null");
    List<SystemConfig> settings =
        executor.execute(
            Call.to(Endpoints.SYSTEM_CONFIG_GET_CATEGORY)
                .path("category", category)
                .options(options),
            LIST);
    return settings == null ? List.of() : settings;
  }

  /** One setting by key, for example {@code email.sender_name}. */
  public SystemConfig getByKey(String key) {
    return getByKey(key, null);
  }

  /** One setting by key, with per-call options. */
  public SystemConfig getByKey(String key, @Nullable RequestOptions options) {
    Objects.requireNonNull(key, "key == null");
    return executor.execute(
        Call.to(Endpoints.SYSTEM_CONFIG_GET_BY_KEY).path("key", key).options(options),
        SystemConfig.class);
  }

  /** Changes a setting's value (and optionally its description); answers the setting as stored. */
  public SystemConfig update(String key, SystemConfigUpdateRequest request) {
    return update(key, request, null);
  }

  /** Changes a setting, with per-call options. */
  public SystemConfig update(
      String key, SystemConfigUpdateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.SYSTEM_CONFIG_UPDATE).path("key", key).json(request).options(options),
        SystemConfig.class);
  }
}
