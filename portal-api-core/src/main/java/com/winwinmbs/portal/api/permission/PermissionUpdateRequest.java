package com.winwinmbs.portal.api.permission;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code permission().update}: the fields to change; fields left null are not sent.
 *
 * @param name the permission's display name
 * @param description what the permission allows
 * @param categoryId the category the permission belongs to
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PermissionUpdateRequest(
    @Nullable String name,
    @Nullable String description,
    @Nullable String categoryId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public PermissionUpdateRequest {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link PermissionUpdateRequest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.name = name;
    builder.description = description;
    builder.categoryId = categoryId;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link PermissionUpdateRequest}. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String description;
    private @Nullable String categoryId;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code name}: the permission's display name. */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** Sets {@code description}: what the permission allows. */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /** Sets {@code category_id}: the category the permission belongs to. */
    public Builder categoryId(@Nullable String categoryId) {
      this.categoryId = categoryId;
      return this;
    }

    /** Adds a field this client does not model, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /** The request; fails when a required field is missing. */
    public PermissionUpdateRequest build() {
      return new PermissionUpdateRequest(
          name, description, categoryId, new LinkedHashMap<>(additionalProperties));
    }
  }
}
