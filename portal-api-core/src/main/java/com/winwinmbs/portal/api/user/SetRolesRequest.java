package com.winwinmbs.portal.api.user;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code user().setRoles}: the complete set of roles the user holds afterwards.
 *
 * @param roleIds the role ids; an empty list removes every role
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SetRolesRequest(
    List<String> roleIds, @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public SetRolesRequest {
    roleIds = List.copyOf(Objects.requireNonNull(roleIds, "roleIds == null"));
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A request granting exactly these roles. */
  public SetRolesRequest(List<String> roleIds) {
    this(roleIds, new LinkedHashMap<>());
  }
}
