package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.user.UserPositionAssignment;
import java.util.List;
import java.util.Objects;

/** The body of {@code PUT /users/{id}/positions}: every position the user holds afterwards. */
record SetPositionsBody(List<UserPositionAssignment> positions) {

  SetPositionsBody {
    positions = List.copyOf(Objects.requireNonNull(positions, "positions == null"));
  }
}
