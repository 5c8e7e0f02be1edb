package com.winwinmbs.portal.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The state of a user account. Kept as the string the portal sends, so a value this client does not
 * know decodes and is sent back unchanged; compare with the constants.
 *
 * <pre>{@code
 * if (user.status().equals(UserStatus.ACTIVE)) { ... }
 * }</pre>
 *
 * @param value the wire value
 */
public record UserStatus(@JsonValue String value) {

  /** {@code active}: may sign in. */
  public static final UserStatus ACTIVE = new UserStatus("active");

  /** {@code inactive}: disabled by an administrator. */
  public static final UserStatus INACTIVE = new UserStatus("inactive");

  /** {@code pending}: invited, not yet activated. */
  public static final UserStatus PENDING = new UserStatus("pending");

  /** {@code suspended}: blocked for a while. */
  public static final UserStatus SUSPENDED = new UserStatus("suspended");

  /** {@code locked}: locked after failed sign-ins. */
  public static final UserStatus LOCKED = new UserStatus("locked");

  private static final List<UserStatus> KNOWN =
      List.of(ACTIVE, INACTIVE, PENDING, SUSPENDED, LOCKED);

  public UserStatus {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static UserStatus of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (UserStatus known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new UserStatus(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<UserStatus> known() {
    return KNOWN;
  }

  /** Whether this is one of the values this client knows. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  @Override
  public String toString() {
    return value;
  }
}
