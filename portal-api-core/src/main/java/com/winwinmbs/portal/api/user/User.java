package com.winwinmbs.portal.api.user;

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
 * A portal user account, as the portal returns it.
 *
 * <pre>{@code
 * User user = portal.user().findById("usr_01HZX3");
 * String name = user.displayName();
 * }</pre>
 *
 * @param id the user's id
 * @param username the sign-in name
 * @param email the e-mail address
 * @param firstName the given name
 * @param lastName the family name
 * @param displayName the name shown in the portal
 * @param phone the phone number, as entered
 * @param status the account's state
 * @param organizationId the organization unit the user belongs to
 * @param avatarFileId the file id of the avatar (see {@code files().upload})
 * @param locale the preferred locale, for example {@code th-TH}
 * @param emailVerified whether the e-mail address was confirmed
 * @param roles the roles granted to the user, empty when not sent
 * @param positions the positions the user holds, empty when not sent
 * @param lastLoginAt when the user last signed in
 * @param createdAt when the account was created
 * @param updatedAt when the account last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record User(
    String id,
    @Nullable String username,
    @Nullable String email,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String displayName,
    @Nullable String phone,
    @Nullable UserStatus status,
    @Nullable String organizationId,
    @Nullable String avatarFileId,
    @Nullable String locale,
    @Nullable Boolean emailVerified,
    List<RoleRef> roles,
    List<UserPosition> positions,
    @Nullable Instant lastLoginAt,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public User {
    Objects.requireNonNull(id, "id == null");
    roles = roles == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(roles));
    positions =
        positions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(positions));
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
