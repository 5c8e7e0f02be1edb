package com.winwinmbs.portal.api.systemconfig;

import com.winwinmbs.portal.api.RequestOptions;
import java.util.List;

/**
 * The {@code systemConfig} namespace ({@code /system-configs/*}): read the portal's settings by
 * category or key and change one (admin-scoped). Obtained from {@code
 * PortalApiClient.systemConfig()}.
 *
 * <pre>{@code
 * List<SystemConfig> email = portal.systemConfig().getCategory("email");
 * SystemConfig sender = portal.systemConfig().getByKey("email.sender_name");
 * portal.systemConfig().update("email.sender_name", SystemConfigUpdateRequest.of("WINWIN Portal"));
 * }</pre>
 */
public interface SystemConfigApi {

  /**
   * A view of this namespace whose every call sends these options, laid over the ones this view
   * already has ({@link RequestOptions#with(RequestOptions)}).
   */
  SystemConfigApi withOptions(RequestOptions options);

  /**
   * Every setting of a category ({@code GET /system-configs/categories/{category}}), for example
   * {@code email}.
   */
  List<SystemConfig> getCategory(String category);

  /**
   * One setting by key ({@code GET /system-configs/{key}}), for example {@code email.sender_name}.
   */
  SystemConfig getByKey(String key);

  /**
   * Changes a setting's value, and optionally its description ({@code PUT /system-configs/{key}});
   * returns the setting as stored.
   */
  SystemConfig update(String key, SystemConfigUpdateRequest request);
}
