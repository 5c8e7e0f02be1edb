package com.winwinmbs.portal.api.organization;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
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
 * A unit of the organization tree; in {@code tree()} results it holds its children.
 *
 * <pre>{@code
 * List<Organization> roots = portal.organization().tree();
 * for (Organization company : roots.get(0).children()) { ... }
 * }</pre>
 *
 * @param id the unit's id
 * @param code the unit's short code, for example {@code FIN}
 * @param name the unit's name
 * @param nameEn the unit's English name, when it has one
 * @param description what the unit does
 * @param type the kind of unit
 * @param parentId the parent unit, null for a root
 * @param path the ids from the root down to this unit, separated by {@code /}
 * @param level the depth in the tree, 0 for a root
 * @param sortOrder the position among its siblings
 * @param active whether the unit is in use
 * @param managerUserId the user who manages the unit
 * @param memberCount how many users belong to the unit
 * @param children the child units, empty when not sent or a leaf
 * @param createdAt when the unit was created
 * @param updatedAt when the unit last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Organization(
    String id,
    @Nullable String code,
    @Nullable String name,
    @Nullable String nameEn,
    @Nullable String description,
    @Nullable OrganizationType type,
    @Nullable String parentId,
    @Nullable String path,
    @Nullable Integer level,
    @Nullable Integer sortOrder,
    @JsonProperty("is_active") boolean active,
    @Nullable String managerUserId,
    @Nullable Integer memberCount,
    List<Organization> children,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public Organization {
    Objects.requireNonNull(id, "id == null");
    children =
        children == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(children));
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
