package com.winwinmbs.portal.api.user;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code user().create}: a new account.
 *
 * <pre>{@code
 * User created = portal.user().create(UserCreateRequest.builder()
 *     .username("somchai.k")
 *     .email("somchai.k@example.co.th")
 *     .firstName("Somchai")
 *     .lastName("Kittisak")
 *     .build());
 * }</pre>
 *
 * @param username the sign-in name
 * @param email the e-mail address
 * @param password the initial password; left out when the portal sends an invitation
 * @param firstName the given name
 * @param lastName the family name
 * @param displayName the name shown in the portal
 * @param phone the phone number
 * @param organizationId the organization unit the user belongs to
 * @param status the initial state; the portal's default when left out
 * @param locale the preferred locale
 * @param roleIds the roles to grant at once
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserCreateRequest(
    String username,
    String email,
    @Nullable String password,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String displayName,
    @Nullable String phone,
    @Nullable String organizationId,
    @Nullable UserStatus status,
    @Nullable String locale,
    @Nullable List<String> roleIds,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public UserCreateRequest {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(email, "email == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link UserCreateRequest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.username = username;
    builder.email = email;
    builder.password = password;
    builder.firstName = firstName;
    builder.lastName = lastName;
    builder.displayName = displayName;
    builder.phone = phone;
    builder.organizationId = organizationId;
    builder.status = status;
    builder.locale = locale;
    builder.roleIds = roleIds;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link UserCreateRequest}. */
  public static final class Builder {
    private @Nullable String username;
    private @Nullable String email;
    private @Nullable String password;
    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String displayName;
    private @Nullable String phone;
    private @Nullable String organizationId;
    private @Nullable UserStatus status;
    private @Nullable String locale;
    private @Nullable List<String> roleIds;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code username}: the sign-in name. */
    public Builder username(String username) {
      this.username = Objects.requireNonNull(username, "username == null");
      return this;
    }

    /** Sets {@code email}: the e-mail address. */
    public Builder email(String email) {
      this.email = Objects.requireNonNull(email, "email == null");
      return this;
    }

    /**
     * Sets {@code password}: the initial password; left out when the portal sends an invitation.
     */
    public Builder password(@Nullable String password) {
      this.password = password;
      return this;
    }

    /** Sets {@code first_name}: the given name. */
    public Builder firstName(@Nullable String firstName) {
      this.firstName = firstName;
      return this;
    }

    /** Sets {@code last_name}: the family name. */
    public Builder lastName(@Nullable String lastName) {
      this.lastName = lastName;
      return this;
    }

    /** Sets {@code display_name}: the name shown in the portal. */
    public Builder displayName(@Nullable String displayName) {
      this.displayName = displayName;
      return this;
    }

    /** Sets {@code phone}: the phone number. */
    public Builder phone(@Nullable String phone) {
      this.phone = phone;
      return this;
    }

    /** Sets {@code organization_id}: the organization unit the user belongs to. */
    public Builder organizationId(@Nullable String organizationId) {
      this.organizationId = organizationId;
      return this;
    }

    /** Sets {@code status}: the initial state; the portal's default when left out. */
    public Builder status(@Nullable UserStatus status) {
      this.status = status;
      return this;
    }

    /** Sets {@code locale}: the preferred locale. */
    public Builder locale(@Nullable String locale) {
      this.locale = locale;
      return this;
    }

    /** Sets {@code role_ids}: the roles to grant at once. */
    public Builder roleIds(@Nullable List<String> roleIds) {
      this.roleIds = roleIds;
      return this;
    }

    /** Adds a field this client does not model, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /** The request; fails when a required field is missing. */
    public UserCreateRequest build() {
      return new UserCreateRequest(
          username,
          email,
          password,
          firstName,
          lastName,
          displayName,
          phone,
          organizationId,
          status,
          locale,
          roleIds,
          new LinkedHashMap<>(additionalProperties));
    }
  }

  /** Leaves out the password, which must never reach a log. */
  @Override
  public String toString() {
    return "UserCreateRequest["
        + "username="
        + username
        + ", "
        + "email="
        + email
        + ", "
        + "password="
        + (password == null ? "null" : "[REDACTED]")
        + ", "
        + "firstName="
        + firstName
        + ", "
        + "lastName="
        + lastName
        + ", "
        + "displayName="
        + displayName
        + ", "
        + "phone="
        + phone
        + ", "
        + "organizationId="
        + organizationId
        + ", "
        + "status="
        + status
        + ", "
        + "locale="
        + locale
        + ", "
        + "roleIds="
        + roleIds
        + ", "
        + "additionalProperties="
        + additionalProperties.keySet()
        + "]";
  }
}
