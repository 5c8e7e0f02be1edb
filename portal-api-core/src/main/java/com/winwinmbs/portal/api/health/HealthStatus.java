package com.winwinmbs.portal.api.health;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The portal's health report.
 *
 * @param status {@code ok} (or {@code up}) when healthy; anything else is not
 * @param info the components that are up, by name
 * @param error the components that are down, by name
 * @param details every component's state, by name
 * @param timestamp when the portal checked, as sent
 * @param version the portal's version, when sent
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record HealthStatus(
    @Nullable String status,
    @Nullable Map<String, Object> info,
    @Nullable Map<String, Object> error,
    @Nullable Map<String, Object> details,
    @Nullable String timestamp,
    @Nullable String version,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public HealthStatus {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** Whether the portal reported itself healthy; not a field of the report. */
  @JsonIgnore
  public boolean isUp() {
    if (status == null) {
      return false;
    }
    String value = status.toLowerCase(Locale.ROOT);
    return value.equals("ok") || value.equals("up") || value.equals("healthy");
  }
}
