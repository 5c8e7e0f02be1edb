package com.winwinmbs.portal.api.internal.namespaces;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code PUT /users/{id}/roles}: every role the user holds afterwards. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SetRolesBody(List<String> roleIds) {

  SetRolesBody {
    roleIds = List.copyOf(Objects.requireNonNull(roleIds, "roleIds == null"));
  }
}
