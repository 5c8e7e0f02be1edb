package com.winwinmbs.portal.api.systemconfig;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A new value for a system setting. The value is sent even when null (to clear it); {@link
 * #toString()} redacts it, as it may be a credential.
 *
 * <pre>{@code
 * portal.systemConfig().update("email.sender_name", SystemConfigUpdateRequest.of("WINWIN Portal"));
 * }</pre>
 *
 * @param value the new value: a string, number, boolean, list or map
 * @param description a new description, or null to keep it
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SystemConfigUpdateRequest(
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object value,
    @Nullable String description,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public SystemConfigUpdateRequest {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A request setting only the value. */
  public static SystemConfigUpdateRequest of(@Nullable Object value) {
    return new SystemConfigUpdateRequest(value, null, null);
  }

  /** Every field, with {@code value} redacted. */
  @Override
  public String toString() {
    return "SystemConfigUpdateRequest[value="
        + (value == null ? "null" : "[REDACTED]")
        + ", description="
        + description
        + ", additionalProperties="
        + additionalProperties
        + "]";
  }
}
