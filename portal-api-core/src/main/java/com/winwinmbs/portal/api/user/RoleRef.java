package com.winwinmbs.portal.api.user;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A reference to a role, as a user lists the roles it holds: the role's id, code and name (the role
 * itself, with its permissions, is {@code role().findById(id)}).
 *
 * @param id the role's id
 * @param code the role's code, for example {@code HR_MANAGER}
 * @param name the role's display name
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoleRef(
    String id,
    @Nullable String code,
    @Nullable String name,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public RoleRef {
    Objects.requireNonNull(id, "id == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
