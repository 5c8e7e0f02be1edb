package com.winwinmbs.portal.api.user;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One position of {@code user().setPositions}.
 *
 * @param organizationId the organization unit
 * @param title the position's title
 * @param primary whether this is the user's main position
 * @param manager whether the user manages the unit
 * @param startDate when the position starts
 * @param endDate when the position ends
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserPositionAssignment(
    String organizationId,
    @Nullable String title,
    @JsonProperty("is_primary") boolean primary,
    @JsonProperty("is_manager") boolean manager,
    @Nullable LocalDate startDate,
    @Nullable LocalDate endDate,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public UserPositionAssignment {
    Objects.requireNonNull(organizationId, "organizationId == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link UserPositionAssignment}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.organizationId = organizationId;
    builder.title = title;
    builder.primary = primary;
    builder.manager = manager;
    builder.startDate = startDate;
    builder.endDate = endDate;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link UserPositionAssignment}. */
  public static final class Builder {
    private @Nullable String organizationId;
    private @Nullable String title;
    private boolean primary;
    private boolean manager;
    private @Nullable LocalDate startDate;
    private @Nullable LocalDate endDate;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code organization_id}: the organization unit. */
    public Builder organizationId(String organizationId) {
      this.organizationId = Objects.requireNonNull(organizationId, "organizationId == null");
      return this;
    }

    /** Sets {@code title}: the position's title. */
    public Builder title(@Nullable String title) {
      this.title = title;
      return this;
    }

    /** Sets {@code is_primary}: whether this is the user's main position. */
    public Builder primary(boolean primary) {
      this.primary = primary;
      return this;
    }

    /** Sets {@code is_manager}: whether the user manages the unit. */
    public Builder manager(boolean manager) {
      this.manager = manager;
      return this;
    }

    /** Sets {@code start_date}: when the position starts. */
    public Builder startDate(@Nullable LocalDate startDate) {
      this.startDate = startDate;
      return this;
    }

    /** Sets {@code end_date}: when the position ends. */
    public Builder endDate(@Nullable LocalDate endDate) {
      this.endDate = endDate;
      return this;
    }

    /** Adds a field this client does not model, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /** The request; fails when a required field is missing. */
    public UserPositionAssignment build() {
      return new UserPositionAssignment(
          organizationId,
          title,
          primary,
          manager,
          startDate,
          endDate,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
