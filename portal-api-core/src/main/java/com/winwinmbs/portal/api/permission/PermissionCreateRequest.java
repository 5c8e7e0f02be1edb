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
 * The body of {@code permission().create}: a new permission.
 *
 * <pre>{@code
 * portal.permission().create(PermissionCreateRequest.builder()
 *     .code("invoice.approve").name("Approve invoices").categoryId(financeCategoryId).build());
 * }</pre>
 *
 * @param code the permission's code
 * @param name the permission's display name
 * @param categoryId the category the permission belongs to
 * @param description what the permission allows
 * @param resource the resource it applies to
 * @param action the action it allows
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PermissionCreateRequest(
    String code,
    String name,
    @Nullable String categoryId,
    @Nullable String description,
    @Nullable String resource,
    @Nullable String action,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public PermissionCreateRequest {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(name, "name == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link PermissionCreateRequest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.code = code;
    builder.name = name;
    builder.categoryId = categoryId;
    builder.description = description;
    builder.resource = resource;
    builder.action = action;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link PermissionCreateRequest}. */
  public static final class Builder {
    private @Nullable String code;
    private @Nullable String name;
    private @Nullable String categoryId;
    private @Nullable String description;
    private @Nullable String resource;
    private @Nullable String action;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code code}: the permission's code. */
    public Builder code(String code) {
      this.code = Objects.requireNonNull(code, "code == null");
      return this;
    }

    /** Sets {@code name}: the permission's display name. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Sets {@code category_id}: the category the permission belongs to. */
    public Builder categoryId(@Nullable String categoryId) {
      this.categoryId = categoryId;
      return this;
    }

    /** Sets {@code description}: what the permission allows. */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /** Sets {@code resource}: the resource it applies to. */
    public Builder resource(@Nullable String resource) {
      this.resource = resource;
      return this;
    }

    /** Sets {@code action}: the action it allows. */
    public Builder action(@Nullable String action) {
      this.action = action;
      return this;
    }

    /** Adds a field this client does not model, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /** The request; fails when a required field is missing. */
    public PermissionCreateRequest build() {
      return new PermissionCreateRequest(
          code,
          name,
          categoryId,
          description,
          resource,
          action,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
