package com.winwinmbs.portal.api.internal.namespaces;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code PUT /roles/{id}/permissions}: every permission the role grants afterwards. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SetPermissionsBody(List<String> permissionIds) {

  SetPermissionsBody {
    permissionIds = List.copyOf(Objects.requireNonNull(permissionIds, "permissionIds == null"));
  }
}
