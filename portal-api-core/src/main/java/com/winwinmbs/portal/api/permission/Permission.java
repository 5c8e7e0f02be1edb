package com.winwinmbs.portal.api.permission;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A permission: the right to perform one action on one resource.
 *
 * <pre>{@code
 * Permission permission = portal.permission().findById(permissionId);
 * }</pre>
 *
 * @param id the permission's id
 * @param code the permission's code, for example {@code user.read}
 * @param name the permission's display name
 * @param description what the permission allows
 * @param categoryId the category the permission belongs to
 * @param resource the resource it applies to, for example {@code user}
 * @param action the action it allows, for example {@code read}
 * @param system whether the portal defines the permission (it cannot be deleted)
 * @param createdAt when the permission was created
 * @param updatedAt when the permission last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Permission(
    String id,
    @Nullable String code,
    @Nullable String name,
    @Nullable String description,
    @Nullable String categoryId,
    @Nullable String resource,
    @Nullable String action,
    @JsonProperty("is_system") boolean system,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public Permission {
    Objects.requireNonNull(id, "id == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
