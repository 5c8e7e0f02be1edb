package com.winwinmbs.portal.api.organization;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code organization().move}: the new parent, always sent ({@code null} makes the unit
 * a root).
 *
 * @param parentId the new parent unit, or null to make the unit a root
 * @param sortOrder the position among its new siblings; last when left out
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrganizationMoveRequest(
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String parentId,
    @Nullable Integer sortOrder,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public OrganizationMoveRequest {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A move under {@code parentId} (null: to the root), at position {@code sortOrder}. */
  public OrganizationMoveRequest(@Nullable String parentId, @Nullable Integer sortOrder) {
    this(parentId, sortOrder, new LinkedHashMap<>());
  }

  /** A move under {@code parentId} (null: to the root), at the portal's default position. */
  public static OrganizationMoveRequest toParent(@Nullable String parentId) {
    return new OrganizationMoveRequest(parentId, null);
  }
}
