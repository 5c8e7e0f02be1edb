package com.winwinmbs.portal.api.role;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A permission as listed on a role.
 *
 * @param id the permission's id
 * @param code the permission's code, for example {@code user.read}
 * @param name the permission's display name
 * @param categoryId the category the permission belongs to
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RolePermission(
    String id,
    @Nullable String code,
    @Nullable String name,
    @Nullable String categoryId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public RolePermission {
    Objects.requireNonNull(id, "id == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
