package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /tenants/{tenantId}/sso}. Fields left null are not sent. The client secret
 * is write-only: it is sent, never returned, and {@link #toString()} redacts it.
 *
 * <pre>{@code
 * UpdateSsoConfigRequest request = UpdateSsoConfigRequest.builder(SsoProviderType.AZURE_AD)
 *     .authority("https://login.microsoftonline.com/tenant-id")
 *     .clientId(clientId)
 *     .clientSecret(clientSecret)
 *     .autoProvisionUsers(true)
 *     .allowedDomains(List.of("acme.com"))
 *     .build();
 * portal.tenant().updateSso(tenantId, request);
 * }</pre>
 *
 * @param provider the identity provider
 * @param authority the OIDC authority (AzureAD, Google, Okta)
 * @param clientId the OIDC client id
 * @param clientSecret the OIDC client secret; write-only
 * @param metadataUrl the provider's metadata URL
 * @param entityId the SAML entity id (GenericSaml)
 * @param signOnUrl the SAML sign-on URL (GenericSaml)
 * @param certificate the SAML signing certificate (GenericSaml)
 * @param autoProvisionUsers whether users are created on their first SSO login
 * @param allowedDomains the email domains that may sign in
 * @param additionalProperties further fields to send as they are
 */
public record UpdateSsoConfigRequest(
    SsoProviderType provider,
    @Nullable String authority,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable String metadataUrl,
    @Nullable String entityId,
    @Nullable String signOnUrl,
    @Nullable String certificate,
    @Nullable Boolean autoProvisionUsers,
    @Nullable List<String> allowedDomains,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public UpdateSsoConfigRequest {
    Objects.requireNonNull(provider, "provider == null");
    allowedDomains = allowedDomains == null ? null : List.copyOf(allowedDomains);
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a configuration of this provider. */
  public static Builder builder(SsoProviderType provider) {
    return new Builder(provider);
  }

  @Override
  public String toString() {
    return "UpdateSsoConfigRequest[provider="
        + provider
        + ", authority="
        + authority
        + ", clientId="
        + clientId
        + ", clientSecret="
        + (clientSecret == null ? "null" : "[REDACTED]")
        + ", metadataUrl="
        + metadataUrl
        + ", entityId="
        + entityId
        + ", signOnUrl="
        + signOnUrl
        + ", certificate="
        + (certificate == null ? "null" : "(" + certificate.length() + " characters)")
        + ", autoProvisionUsers="
        + autoProvisionUsers
        + ", allowedDomains="
        + allowedDomains
        + ", additionalProperties="
        + additionalProperties.keySet()
        + "]";
  }

  /** Builds an {@link UpdateSsoConfigRequest}. */
  public static final class Builder {
    private final SsoProviderType provider;
    private @Nullable String authority;
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private @Nullable String metadataUrl;
    private @Nullable String entityId;
    private @Nullable String signOnUrl;
    private @Nullable String certificate;
    private @Nullable Boolean autoProvisionUsers;
    private @Nullable List<String> allowedDomains;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder(SsoProviderType provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
    }

    /** The OIDC authority (AzureAD, Google, Okta). */
    public Builder authority(@Nullable String authority) {
      this.authority = authority;
      return this;
    }

    /** The OIDC client id. */
    public Builder clientId(@Nullable String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The OIDC client secret: sent once, never returned, never printed. */
    public Builder clientSecret(@Nullable String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** The provider's metadata (OpenID configuration) URL. */
    public Builder metadataUrl(@Nullable String metadataUrl) {
      this.metadataUrl = metadataUrl;
      return this;
    }

    /** The SAML entity id (GenericSaml). */
    public Builder entityId(@Nullable String entityId) {
      this.entityId = entityId;
      return this;
    }

    /** The SAML sign-on URL (GenericSaml). */
    public Builder signOnUrl(@Nullable String signOnUrl) {
      this.signOnUrl = signOnUrl;
      return this;
    }

    /** The SAML signing certificate (GenericSaml). */
    public Builder certificate(@Nullable String certificate) {
      this.certificate = certificate;
      return this;
    }

    /** Whether users are created on their first SSO login. */
    public Builder autoProvisionUsers(@Nullable Boolean autoProvisionUsers) {
      this.autoProvisionUsers = autoProvisionUsers;
      return this;
    }

    /** The email domains that may sign in. */
    public Builder allowedDomains(@Nullable List<String> allowedDomains) {
      this.allowedDomains = allowedDomains;
      return this;
    }

    /** A field this client does not model, sent as given. */
    public Builder property(String name, Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /** The request with the fields set so far. */
    public UpdateSsoConfigRequest build() {
      return new UpdateSsoConfigRequest(
          provider,
          authority,
          clientId,
          clientSecret,
          metadataUrl,
          entityId,
          signOnUrl,
          certificate,
          autoProvisionUsers,
          allowedDomains,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
