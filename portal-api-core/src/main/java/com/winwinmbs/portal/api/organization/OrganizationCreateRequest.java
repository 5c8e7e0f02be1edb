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
 * The body of {@code organization().create}: a new unit.
 *
 * <pre>{@code
 * Organization team = portal.organization().create(OrganizationCreateRequest.builder()
 *     .code("FIN-AP")
 *     .name("Accounts Payable")
 *     .type(OrganizationType.TEAM)
 *     .parentId(financeId)
 *     .build());
 * }</pre>
 *
 * @param code the unit's short code
 * @param name the unit's name
 * @param type the kind of unit
 * @param parentId the parent unit; a root when left out
 * @param nameEn the unit's English name
 * @param description what the unit does
 * @param managerUserId the user who manages the unit
 * @param sortOrder the position among its siblings
 * @param active whether the unit is in use
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrganizationCreateRequest(
    String code,
    String name,
    OrganizationType type,
    @Nullable String parentId,
    @Nullable String nameEn,
    @Nullable String description,
    @Nullable String managerUserId,
    @Nullable Integer sortOrder,
    @JsonProperty("is_active") @Nullable Boolean active,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public OrganizationCreateRequest {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(type, "type == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link OrganizationCreateRequest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.code = code;
    builder.name = name;
    builder.type = type;
    builder.parentId = parentId;
    builder.nameEn = nameEn;
    builder.description = description;
    builder.managerUserId = managerUserId;
    builder.sortOrder = sortOrder;
    builder.active = active;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link OrganizationCreateRequest}. */
  public static final class Builder {
    private @Nullable String code;
    private @Nullable String name;
    private @Nullable OrganizationType type;
    private @Nullable String parentId;
    private @Nullable String nameEn;
    private @Nullable String description;
    private @Nullable String managerUserId;
    private @Nullable Integer sortOrder;
    private @Nullable Boolean active;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code code}: the unit's short code. */
    public Builder code(String code) {
      this.code = Objects.requireNonNull(code, "code == null");
      return this;
    }

    /** Sets {@code name}: the unit's name. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** Sets {@code type}: the kind of unit. */
    public Builder type(OrganizationType type) {
      this.type = Objects.requireNonNull(type, "type == null");
      return this;
    }

    /** Sets {@code parent_id}: the parent unit; a root when left out. */
    public Builder parentId(@Nullable String parentId) {
      this.parentId = parentId;
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
    public OrganizationCreateRequest build() {
      return new OrganizationCreateRequest(
          code,
          name,
          type,
          parentId,
          nameEn,
          description,
          managerUserId,
          sortOrder,
          active,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
