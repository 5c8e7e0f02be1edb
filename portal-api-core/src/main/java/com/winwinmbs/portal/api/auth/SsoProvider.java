package com.winwinmbs.portal.api.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
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

  private static final List<SsoProvider> KNOWN = List.of(AZURE_AD, GOOGLE, OKTA, SAML);

  public SsoProvider {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SsoProvider of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (SsoProvider known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new SsoProvider(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<SsoProvider> known() {
    return KNOWN;
  }

  /** Whether this is one of the values the guide documents. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  @Override
  public String toString() {
    return value;
  }
}
