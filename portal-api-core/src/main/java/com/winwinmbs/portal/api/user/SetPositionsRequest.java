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
 * The body of {@code user().setPositions}: the complete set of positions the user holds afterwards.
 *
 * @param positions the positions; an empty list removes every position
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SetPositionsRequest(
    List<UserPositionAssignment> positions,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public SetPositionsRequest {
    positions = List.copyOf(Objects.requireNonNull(positions, "positions == null"));
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A request assigning exactly these positions. */
  public SetPositionsRequest(List<UserPositionAssignment> positions) {
    this(positions, new LinkedHashMap<>());
  }
}
