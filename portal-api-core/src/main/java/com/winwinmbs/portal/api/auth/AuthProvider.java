package com.winwinmbs.portal.api.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
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

  private static final Map<String, AuthProvider> KNOWN =
      Map.of(
          LOCAL.value, LOCAL,
          AZURE_AD.value, AZURE_AD,
          GOOGLE.value, GOOGLE,
          OKTA.value, OKTA);

  public AuthProvider {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, else a new instance holding it. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static AuthProvider of(String value) {
    Objects.requireNonNull(value, "value == null");
    AuthProvider known = KNOWN.get(value);
    return known != null ? known : new AuthProvider(value);
  }

  /** Whether this is one of the values the guide documents. */
  public boolean isKnown() {
    return KNOWN.containsKey(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
