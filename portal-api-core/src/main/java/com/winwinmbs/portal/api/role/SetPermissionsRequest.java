package com.winwinmbs.portal.api.role;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code role().setPermissions}: the complete set of permissions the role grants
 * afterwards.
 *
 * @param permissionIds the permission ids; an empty list removes every permission
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SetPermissionsRequest(
    List<String> permissionIds,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public SetPermissionsRequest {
    permissionIds = List.copyOf(Objects.requireNonNull(permissionIds, "permissionIds == null"));
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A request granting exactly these permissions. */
  public SetPermissionsRequest(List<String> permissionIds) {
    this(permissionIds, new LinkedHashMap<>());
  }
}
