package com.winwinmbs.portal.api.user;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code user().update}: the fields to change; fields left null are not sent and stay
 * as they are.
 *
 * <pre>{@code
 * User updated = portal.user().update(userId, UserUpdateRequest.builder().phone("+66812345678").build());
 * }</pre>
 *
 * @param email the e-mail address
 * @param firstName the given name
 * @param lastName the family name
 * @param displayName the name shown in the portal
 * @param phone the phone number
 * @param organizationId the organization unit the user belongs to
 * @param status the account's state
 * @param avatarFileId the file id of the avatar
 * @param locale the preferred locale
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserUpdateRequest(
    @Nullable String email,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String displayName,
    @Nullable String phone,
    @Nullable String organizationId,
    @Nullable UserStatus status,
    @Nullable String avatarFileId,
    @Nullable String locale,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public UserUpdateRequest {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link UserUpdateRequest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.email = email;
    builder.firstName = firstName;
    builder.lastName = lastName;
    builder.displayName = displayName;
    builder.phone = phone;
    builder.organizationId = organizationId;
    builder.status = status;
    builder.avatarFileId = avatarFileId;
    builder.locale = locale;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link UserUpdateRequest}. */
  public static final class Builder {
    private @Nullable String email;
    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String displayName;
    private @Nullable String phone;
    private @Nullable String organizationId;
    private @Nullable UserStatus status;
    private @Nullable String avatarFileId;
    private @Nullable String locale;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code email}: the e-mail address. */
    public Builder email(@Nullable String email) {
      this.email = email;
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

    /** Sets {@code status}: the account's state. */
    public Builder status(@Nullable UserStatus status) {
      this.status = status;
      return this;
    }

    /** Sets {@code avatar_file_id}: the file id of the avatar. */
    public Builder avatarFileId(@Nullable String avatarFileId) {
      this.avatarFileId = avatarFileId;
      return this;
    }

    /** Sets {@code locale}: the preferred locale. */
    public Builder locale(@Nullable String locale) {
      this.locale = locale;
      return this;
    }

    /** Adds a field this client does not model, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /** The request; fails when a required field is missing. */
    public UserUpdateRequest build() {
      return new UserUpdateRequest(
          email,
          firstName,
          lastName,
          displayName,
          phone,
          organizationId,
          status,
          avatarFileId,
          locale,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
