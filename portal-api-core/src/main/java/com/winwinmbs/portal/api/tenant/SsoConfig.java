package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's SSO configuration as the portal returns it. The client secret is write-only: the
 * portal never returns it, and should one arrive anyway it is dropped on decoding, so it cannot
 * surface here.
 *
 * @param enabled whether SSO is on
 * @param provider the identity provider
 * @param authority the OIDC authority (AzureAD, Google, Okta)
 * @param clientId the OIDC client id
 * @param metadataUrl the provider's metadata (OpenID configuration) URL
 * @param entityId the SAML entity id (GenericSaml)
 * @param signOnUrl the SAML sign-on URL (GenericSaml)
 * @param certificate the SAML signing certificate (GenericSaml; public)
 * @param autoProvisionUsers whether users are created on their first SSO login
 * @param allowedDomains the email domains that may sign in
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record SsoConfig(
    @Nullable Boolean enabled,
    @Nullable SsoProviderType provider,
    @Nullable String authority,
    @Nullable String clientId,
    @Nullable String metadataUrl,
    @Nullable String entityId,
    @Nullable String signOnUrl,
    @Nullable String certificate,
    @Nullable Boolean autoProvisionUsers,
    @Nullable List<String> allowedDomains,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public SsoConfig {
    additionalProperties =
        additionalProperties == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(additionalProperties);
    additionalProperties.remove("clientSecret");
  }
}
