package com.winwinmbs.portal.api.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * The identity provider an SSO login starts with, as the {@code provider} query parameter: {@code
 * azuread}, {@code google}, {@code okta} or {@code saml}. Value-preserving: a value this client
 * does not know decodes and re-encodes unchanged.
 *
 * @param value the value as sent
 */
public record SsoProvider(@JsonValue String value) {

  public static final SsoProvider AZURE_AD = new SsoProvider("azuread");
  public static final SsoProvider GOOGLE = new SsoProvider("google");
  public static final SsoProvider OKTA = new SsoProvider("okta");
  public static final SsoProvider SAML = new SsoProvider("saml");

  private static final Map<String, SsoProvider> KNOWN =
      Map.of(
          AZURE_AD.value, AZURE_AD,
          GOOGLE.value, GOOGLE,
          OKTA.value, OKTA,
          SAML.value, SAML);

  public SsoProvider {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, else a new instance holding it. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SsoProvider of(String value) {
    Objects.requireNonNull(value, "value == null");
    SsoProvider known = KNOWN.get(value);
    return known != null ? known : new SsoProvider(value);
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
