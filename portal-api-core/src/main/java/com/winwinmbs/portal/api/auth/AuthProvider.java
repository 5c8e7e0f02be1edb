package com.winwinmbs.portal.api.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * How a user signs in: {@code Local}, {@code AzureAD}, {@code Google} or {@code Okta}.
 * Value-preserving: a value this client does not know decodes and re-encodes unchanged.
 *
 * @param value the value as sent
 */
public record AuthProvider(@JsonValue String value) {

  public static final AuthProvider LOCAL = new AuthProvider("Local");

  public static final AuthProvider AZURE_AD = new AuthProvider("AzureAD");

  public static final AuthProvider GOOGLE = new AuthProvider("Google");

  public static final AuthProvider OKTA = new AuthProvider("Okta");

  private static final List<AuthProvider> KNOWN = List.of(LOCAL, AZURE_AD, GOOGLE, OKTA);

  public AuthProvider {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static AuthProvider of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (AuthProvider known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new AuthProvider(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<AuthProvider> known() {
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
