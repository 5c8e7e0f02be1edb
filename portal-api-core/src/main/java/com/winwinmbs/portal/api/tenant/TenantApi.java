package com.winwinmbs.portal.api.tenant;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code tenant} namespace: sign-up, slug checks and the tenant's SSO configuration.
 *
 * <pre>{@code
 * if (portal.tenant().checkSlug("acme").available()) {
 *   RegisterTenantResult registered = portal.tenant().register(new RegisterTenantRequest(
 *       "Acme Corporation", "acme", "admin@acme.com", password, "John Doe", TenantPlan.PROFESSIONAL));
 * }
 * }</pre>
 */
public final class TenantApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.tenant()}. */
  public TenantApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /**
   * {@code POST /tenants/register} (201): creates a tenant and its first admin. The access token
   * returned does not start a session; log in through {@code auth()} for one.
   */
  public RegisterTenantResult register(RegisterTenantRequest request) {
    return register(request, null);
  }

  /** {@code POST /tenants/register}, with per-call options. */
  public RegisterTenantResult register(
      RegisterTenantRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.TENANT_REGISTER)
            .json(request)
            .secret(request.adminPassword())
            .options(options),
        RegisterTenantResult.class);
  }

  /**
   * {@code GET /tenants/check-slug?slug=}: whether the slug is still free; the slug is sent as
   * given.
   */
  public SlugAvailability checkSlug(String slug) {
    return checkSlug(slug, null);
  }

  /** {@code GET /tenants/check-slug?slug=}, with per-call options. */
  public SlugAvailability checkSlug(String slug, @Nullable RequestOptions options) {
    Objects.requireNonNull(slug, "slug == null");
    if (slug.isBlank()) {
      throw new IllegalArgumentException("slug must not be blank");
    }
    return executor.execute(
        Call.to(Endpoints.TENANT_CHECK_SLUG).query("slug", slug).options(options),
        SlugAvailability.class);
  }

  /**
   * {@code GET /tenants/{tenantId}/sso}: the tenant's SSO configuration, without the client secret.
   */
  public SsoConfig getSso(String tenantId) {
    return getSso(tenantId, null);
  }

  /** {@code GET /tenants/{tenantId}/sso}, with per-call options. */
  public SsoConfig getSso(String tenantId, @Nullable RequestOptions options) {
    return executor.execute(
        Call.to(Endpoints.TENANT_GET_SSO).path("tenantId", tenantId).options(options),
        SsoConfig.class);
  }

  /** {@code PUT /tenants/{tenantId}/sso}: replaces the tenant's SSO configuration (Admin only). */
  public void updateSso(String tenantId, UpdateSsoConfigRequest request) {
    updateSso(tenantId, request, null);
  }

  /** {@code PUT /tenants/{tenantId}/sso}, with per-call options. */
  public void updateSso(
      String tenantId, UpdateSsoConfigRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    executor.executeVoid(
        Call.to(Endpoints.TENANT_UPDATE_SSO)
            .path("tenantId", tenantId)
            .json(request)
            .secret(request.clientSecret())
            .options(options));
  }

  /**
   * {@code POST /tenants/{tenantId}/sso/test}: tries the tenant's identity provider. A failed
   * connection is a result with {@code success == false}, not an exception.
   */
  public SsoTestResult testSso(String tenantId) {
    return testSso(tenantId, null);
  }

  /** {@code POST /tenants/{tenantId}/sso/test}, with per-call options. */
  public SsoTestResult testSso(String tenantId, @Nullable RequestOptions options) {
    return executor.execute(
        Call.to(Endpoints.TENANT_TEST_SSO).path("tenantId", tenantId).options(options),
        SsoTestResult.class);
  }
}
