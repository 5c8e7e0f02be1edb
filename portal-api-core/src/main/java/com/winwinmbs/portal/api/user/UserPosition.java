package com.winwinmbs.portal.api.user;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A position a user holds in an organization unit.
 *
 * @param id the id of the assignment
 * @param organizationId the organization unit
 * @param organizationName the unit's name, for display
 * @param title the position's title, for example {@code Senior Accountant}
 * @param primary whether this is the user's main position
 * @param manager whether the user manages the unit
 * @param startDate when the position started
 * @param endDate when the position ends, if it does
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserPosition(
    @Nullable String id,
    @Nullable String organizationId,
    @Nullable String organizationName,
    @Nullable String title,
    @JsonProperty("is_primary") boolean primary,
    @JsonProperty("is_manager") boolean manager,
    @Nullable LocalDate startDate,
    @Nullable LocalDate endDate,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public UserPosition {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
