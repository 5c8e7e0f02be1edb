package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The identity provider of a tenant's SSO configuration: {@code AzureAD}, {@code Google}, {@code
 * Okta} or {@code GenericSaml}. Value-preserving: a value this client does not know decodes and
 * re-encodes unchanged.
 *
 * @param value the value as sent
 */
public record SsoProviderType(@JsonValue String value) {

  public static final SsoProviderType AZURE_AD = new SsoProviderType("AzureAD");

  public static final SsoProviderType GOOGLE = new SsoProviderType("Google");

  public static final SsoProviderType OKTA = new SsoProviderType("Okta");

  public static final SsoProviderType GENERIC_SAML = new SsoProviderType("GenericSaml");

  private static final List<SsoProviderType> KNOWN = List.of(AZURE_AD, GOOGLE, OKTA, GENERIC_SAML);

  public SsoProviderType {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SsoProviderType of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (SsoProviderType known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new SsoProviderType(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<SsoProviderType> known() {
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
