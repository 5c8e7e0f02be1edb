package com.winwinmbs.portal.api.role;

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
 * The body of {@code role().update}: the fields to change; fields left null are not sent.
 * Permissions change with {@code setPermissions}.
 *
 * @param name the role's display name
 * @param description what the role is for
 * @param active whether the role is in use
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoleUpdateRequest(
    @Nullable String name,
    @Nullable String description,
    @JsonProperty("is_active") @Nullable Boolean active,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public RoleUpdateRequest {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link RoleUpdateRequest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.name = name;
    builder.description = description;
    builder.active = active;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link RoleUpdateRequest}. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String description;
    private @Nullable Boolean active;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code name}: the role's display name. */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** Sets {@code description}: what the role is for. */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /** Sets {@code is_active}: whether the role is in use. */
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
    public RoleUpdateRequest build() {
      return new RoleUpdateRequest(
          name, description, active, new LinkedHashMap<>(additionalProperties));
    }
  }
}
