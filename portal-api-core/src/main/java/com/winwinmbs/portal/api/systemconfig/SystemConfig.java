package com.winwinmbs.portal.api.systemconfig;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One system setting. {@link #toString()} redacts the value of a setting of type {@code secret} or
 * stored encrypted.
 *
 * @param id the setting's id
 * @param key the key, for example {@code smtp.host}
 * @param value the value: a string, number, boolean, list or map as the portal sent it
 * @param category the category, for example {@code email}
 * @param type the value's type
 * @param description what the setting does
 * @param isPublic whether clients without admin rights may read it
 * @param isEncrypted whether the portal stores it encrypted
 * @param updatedBy the user who last changed it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SystemConfig(
    @Nullable String id,
    @Nullable String key,
    @Nullable Object value,
    @Nullable String category,
    @Nullable SystemConfigType type,
    @Nullable String description,
    @Nullable Boolean isPublic,
    @Nullable Boolean isEncrypted,
    @Nullable String updatedBy,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public SystemConfig {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** The value as text, or null when it is absent. */
  public @Nullable String valueAsString() {
    return value == null ? null : value.toString();
  }

  /** Whether the value is a credential that must not be printed. */
  public boolean sensitive() {
    return Boolean.TRUE.equals(isEncrypted) || SystemConfigType.SECRET.equals(type);
  }

  /** Every field, with the value redacted when {@link #sensitive()}. */
  @Override
  public String toString() {
    return "SystemConfig[id="
        + id
        + ", key="
        + key
        + ", value="
        + (sensitive() && value != null ? "[REDACTED]" : value)
        + ", category="
        + category
        + ", type="
        + type
        + ", description="
        + description
        + ", isPublic="
        + isPublic
        + ", isEncrypted="
        + isEncrypted
        + ", updatedBy="
        + updatedBy
        + ", createdAt="
        + createdAt
        + ", updatedAt="
        + updatedAt
        + ", additionalProperties="
        + additionalProperties
        + "]";
  }
}
