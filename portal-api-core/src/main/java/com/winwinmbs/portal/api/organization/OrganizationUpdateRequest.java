package com.winwinmbs.portal.api.organization;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code organization().update}: the fields to change; fields left null are not sent.
 * The parent changes with {@code move}.
 *
 * @param code the unit's short code
 * @param name the unit's name
 * @param type the kind of unit
 * @param nameEn the unit's English name
 * @param description what the unit does
 * @param managerUserId the user who manages the unit
 * @param sortOrder the position among its siblings
 * @param active whether the unit is in use
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrganizationUpdateRequest(
    @Nullable String code,
    @Nullable String name,
    @Nullable OrganizationType type,
    @Nullable String nameEn,
    @Nullable String description,
    @Nullable String managerUserId,
    @Nullable Integer sortOrder,
    @JsonProperty("is_active") @Nullable Boolean active,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public OrganizationUpdateRequest {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link OrganizationUpdateRequest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.code = code;
    builder.name = name;
    builder.type = type;
    builder.nameEn = nameEn;
    builder.description = description;
    builder.managerUserId = managerUserId;
    builder.sortOrder = sortOrder;
    builder.active = active;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link OrganizationUpdateRequest}. */
  public static final class Builder {
    private @Nullable String code;
    private @Nullable String name;
    private @Nullable OrganizationType type;
    private @Nullable String nameEn;
    private @Nullable String description;
    private @Nullable String managerUserId;
    private @Nullable Integer sortOrder;
    private @Nullable Boolean active;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code code}: the unit's short code. */
    public Builder code(@Nullable String code) {
      this.code = code;
      return this;
    }

    /** Sets {@code name}: the unit's name. */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** Sets {@code type}: the kind of unit. */
    public Builder type(@Nullable OrganizationType type) {
      this.type = type;
      return this;
    }

    /** Sets {@code name_en}: the unit's English name. */
    public Builder nameEn(@Nullable String nameEn) {
      this.nameEn = nameEn;
      return this;
    }

    /** Sets {@code description}: what the unit does. */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /** Sets {@code manager_user_id}: the user who manages the unit. */
    public Builder managerUserId(@Nullable String managerUserId) {
      this.managerUserId = managerUserId;
      return this;
    }

    /** Sets {@code sort_order}: the position among its siblings. */
    public Builder sortOrder(@Nullable Integer sortOrder) {
      this.sortOrder = sortOrder;
      return this;
    }

    /** Sets {@code is_active}: whether the unit is in use. */
    public Builder active(@Nullable Boolean active) {
      this.active = active;
      return this;
    }

    /** Adds a field this client does not model, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /** The request; fails when a required field is missing. */
    public OrganizationUpdateRequest build() {
      return new OrganizationUpdateRequest(
          code,
          name,
          type,
          nameEn,
          description,
          managerUserId,
          sortOrder,
          active,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
