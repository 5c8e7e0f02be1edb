package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.tenant.RegisterTenantRequest;
import com.winwinmbs.portal.api.tenant.RegisterTenantResult;
import com.winwinmbs.portal.api.tenant.SlugAvailability;
import com.winwinmbs.portal.api.tenant.SsoConfig;
import com.winwinmbs.portal.api.tenant.SsoTestResult;
import com.winwinmbs.portal.api.tenant.TenantApi;
import com.winwinmbs.portal.api.tenant.UpdateSsoConfigRequest;
import java.util.Objects;

/** The client's {@link TenantApi}: each route as one call through the pipeline. */
public final class DefaultTenantApi implements TenantApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultTenantApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultTenantApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public TenantApi withOptions(RequestOptions options) {
    return new DefaultTenantApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public RegisterTenantResult register(RegisterTenantRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.TENANT_REGISTER)
            .json(request)
            .secret(request.adminPassword())
            .options(options),
        RegisterTenantResult.class);
  }

  @Override
  public SlugAvailability checkSlug(String slug) {
    Objects.requireNonNull(slug, "slug == null");
    if (slug.isBlank()) {
      throw new IllegalArgumentException("slug must not be blank");
    }
    return executor.execute(
        Call.to(Endpoints.TENANT_CHECK_SLUG).query("slug", slug).options(options),
        SlugAvailability.class);
  }

  @Override
  public SsoConfig getSso(String tenantId) {
    return executor.execute(
        Call.to(Endpoints.TENANT_GET_SSO).path("tenantId", tenantId).options(options),
        SsoConfig.class);
  }

  @Override
  public void updateSso(String tenantId, UpdateSsoConfigRequest request) {
    Objects.requireNonNull(request, "request == null");
    executor.executeVoid(
        Call.to(Endpoints.TENANT_UPDATE_SSO)
            .path("tenantId", tenantId)
            .json(request)
            .secret(request.clientSecret())
            .options(options));
  }

  @Override
  public SsoTestResult testSso(String tenantId) {
    return executor.execute(
        Call.to(Endpoints.TENANT_TEST_SSO).path("tenantId", tenantId).options(options),
        SsoTestResult.class);
  }
}
