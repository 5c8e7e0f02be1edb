package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
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

  private static final Map<String, SsoProviderType> KNOWN =
      Map.of(
          AZURE_AD.value, AZURE_AD,
          GOOGLE.value, GOOGLE,
          OKTA.value, OKTA,
          GENERIC_SAML.value, GENERIC_SAML);

  public SsoProviderType {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, else a new instance holding it. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SsoProviderType of(String value) {
    Objects.requireNonNull(value, "value == null");
    SsoProviderType known = KNOWN.get(value);
    return known != null ? known : new SsoProviderType(value);
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
