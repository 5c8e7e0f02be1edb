package com.winwinmbs.portal.api.permissioncategory;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code permissionCategory().create}: a new category.
 *
 * <pre>{@code
 * portal.permissionCategory().create(PermissionCategoryCreateRequest.builder()
 *     .code("finance.ap").name("Accounts payable").parentId(financeId).build());
 * }</pre>
 *
 * @param code the category's code
 * @param name the category's display name
 * @param description what the category groups
 * @param parentId the parent category; a root when left out
 * @param sortOrder the position among its siblings
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PermissionCategoryCreateRequest(
    String code,
    String name,
    @Nullable String description,
    @Nullable String parentId,
    @Nullable Integer sortOrder,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public PermissionCategoryCreateRequest {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(name, "name == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link PermissionCategoryCreateRequest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.code = code;
    builder.name = name;
    builder.description = description;
    builder.parentId = parentId;
    builder.sortOrder = sortOrder;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link PermissionCategoryCreateRequest}. */
  public static final class Builder {
    private @Nullable String code;
    private @Nullable String name;
    private @Nullable String description;
    private @Nullable String parentId;
    private @Nullable Integer sortOrder;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code code}: the category's code. */
    public Builder code(String code) {
      this.code = Objects.requireNonNull(code, "code == null");
      return this;
    }

    /** Sets {@code name}: the category's display name. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Sets {@code description}: what the category groups. */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /** Sets {@code parent_id}: the parent category; a root when left out. */
    public Builder parentId(@Nullable String parentId) {
      this.parentId = parentId;
      return this;
    }

    /** Sets {@code sort_order}: the position among its siblings. */
    public Builder sortOrder(@Nullable Integer sortOrder) {
      this.sortOrder = sortOrder;
      return this;
    }

    /** Adds a field this client does not model, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /** The request; fails when a required field is missing. */
    public PermissionCategoryCreateRequest build() {
      return new PermissionCategoryCreateRequest(
          code, name, description, parentId, sortOrder, new LinkedHashMap<>(additionalProperties));
    }
  }
}
