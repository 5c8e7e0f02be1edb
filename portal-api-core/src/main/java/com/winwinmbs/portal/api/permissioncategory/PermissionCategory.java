package com.winwinmbs.portal.api.permissioncategory;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A category grouping permissions; in {@code tree()} results it holds its children.
 *
 * <pre>{@code
 * List<PermissionCategory> roots = portal.permissionCategory().tree();
 * }</pre>
 *
 * @param id the category's id
 * @param code the category's code, for example {@code finance}
 * @param name the category's display name
 * @param description what the category groups
 * @param parentId the parent category, null for a root
 * @param level the depth in the tree, 0 for a root
 * @param sortOrder the position among its siblings
 * @param permissionCount how many permissions the category holds directly
 * @param children the child categories, empty when not sent or a leaf
 * @param createdAt when the category was created
 * @param updatedAt when the category last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PermissionCategory(
    String id,
    @Nullable String code,
    @Nullable String name,
    @Nullable String description,
    @Nullable String parentId,
    @Nullable Integer level,
    @Nullable Integer sortOrder,
    @Nullable Integer permissionCount,
    List<PermissionCategory> children,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public PermissionCategory {
    Objects.requireNonNull(id, "id == null");
    children =
        children == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(children));
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
