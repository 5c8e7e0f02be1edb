package com.winwinmbs.portal.api.tenant;

import com.winwinmbs.portal.api.RequestOptions;

/**
 * The {@code tenant} namespace ({@code /tenants}): sign-up, slug checks and the tenant's SSO
 * configuration. Obtained from {@code PortalApiClient.tenant()}.
 *
 * <pre>{@code
 * if (portal.tenant().checkSlug("acme").available()) {
 *   RegisterTenantResult registered = portal.tenant().register(new RegisterTenantRequest(
 *       "Acme Corporation", "acme", "admin@acme.com", password, "John Doe", TenantPlan.PROFESSIONAL));
 * }
 * }</pre>
 */
public interface TenantApi {

  /**
   * A view of this namespace whose every call sends these options, laid over the ones this view
   * already has ({@link RequestOptions#with(RequestOptions)}).
   */
  TenantApi withOptions(RequestOptions options);

  /**
   * Creates a tenant and its first admin ({@code POST /tenants/register}, 201). The access token
   * returned does not start a session; log in through {@code auth()} for one.
   */
  RegisterTenantResult register(RegisterTenantRequest request);

  /**
   * Whether the slug is still free ({@code GET /tenants/check-slug?slug=}); the slug is sent as
   * given.
   */
  SlugAvailability checkSlug(String slug);

  /**
   * The tenant's SSO configuration ({@code GET /tenants/{tenantId}/sso}), without the client
   * secret.
   */
  SsoConfig getSso(String tenantId);

  /** Replaces the tenant's SSO configuration ({@code PUT /tenants/{tenantId}/sso}; Admin only). */
  void updateSso(String tenantId, UpdateSsoConfigRequest request);

  /**
   * Tries the tenant's identity provider ({@code POST /tenants/{tenantId}/sso/test}). A failed
   * connection is a result with {@code success == false}, not an exception.
   */
  SsoTestResult testSso(String tenantId);
}
