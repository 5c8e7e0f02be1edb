package com.winwinmbs.portal.api.role;

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
 * A role: a named set of permissions granted to users.
 *
 * <pre>{@code
 * Role role = portal.role().findById(roleId);
 * boolean canApprove = role.permissions().stream().anyMatch(p -> "leave.approve".equals(p.code()));
 * }</pre>
 *
 * @param id the role's id
 * @param code the role's code, for example {@code HR_MANAGER}
 * @param name the role's display name
 * @param description what the role is for
 * @param system whether the portal defines the role (it cannot be deleted)
 * @param active whether the role is in use
 * @param permissions the permissions the role grants, empty when not sent
 * @param userCount how many users hold the role
 * @param createdAt when the role was created
 * @param updatedAt when the role last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Role(
    String id,
    @Nullable String code,
    @Nullable String name,
    @Nullable String description,
    @JsonProperty("is_system") boolean system,
    @JsonProperty("is_active") boolean active,
    List<RolePermission> permissions,
    @Nullable Integer userCount,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public Role {
    Objects.requireNonNull(id, "id == null");
    permissions =
        permissions == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(permissions));
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
