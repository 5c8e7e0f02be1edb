package com.winwinmbs.portal.api.role;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code role().create}: a new role.
 *
 * <pre>{@code
 * Role role = portal.role().create(RoleCreateRequest.builder().code("AUDITOR").name("Auditor").build());
 * }</pre>
 *
 * @param code the role's code
 * @param name the role's display name
 * @param description what the role is for
 * @param active whether the role is in use
 * @param permissionIds the permissions to grant at once
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoleCreateRequest(
    String code,
    String name,
    @Nullable String description,
    @JsonProperty("is_active") @Nullable Boolean active,
    @Nullable List<String> permissionIds,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public RoleCreateRequest {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(name, "name == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link RoleCreateRequest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.code = code;
    builder.name = name;
    builder.description = description;
    builder.active = active;
    builder.permissionIds = permissionIds;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link RoleCreateRequest}. */
  public static final class Builder {
    private @Nullable String code;
    private @Nullable String name;
    private @Nullable String description;
    private @Nullable Boolean active;
    private @Nullable List<String> permissionIds;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code code}: the role's code. */
    public Builder code(String code) {
      this.code = Objects.requireNonNull(code, "code == null");
      return this;
    }

    /** Sets {@code name}: the role's display name. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
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

    /** Sets {@code permission_ids}: the permissions to grant at once. */
    public Builder permissionIds(@Nullable List<String> permissionIds) {
      this.permissionIds = permissionIds;
      return this;
    }

    /** Adds a field this client does not model, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /** The request; fails when a required field is missing. */
    public RoleCreateRequest build() {
      return new RoleCreateRequest(
          code,
          name,
          description,
          active,
          permissionIds,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
