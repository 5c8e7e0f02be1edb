package com.winwinmbs.portal.api.autoconfigure;

import java.util.Objects;
import java.util.Optional;

/**
 * The tenant of the portal call being made, read at every call on the calling thread: declare one
 * as a bean and every client the starter builds sends what it returns as {@code X-Tenant-Id}, so
 * one singleton client serves every tenant of a multi-tenant application.
 *
 * <pre>{@code
 * @Bean
 * PortalTenantResolver portalTenantResolver() {
 *   // the tenant of the authenticated user, never one the caller merely claims
 *   return () -> Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
 *       .filter(JwtAuthenticationToken.class::isInstance)
 *       .map((auth) -> ((JwtAuthenticationToken) auth).getToken().getClaimAsString("tenant_id"));
 * }
 * }</pre>
 *
 * <p>Precedence, per call: a tenant in the call's {@code RequestOptions} ({@code
 * withOptions(RequestOptions.builder().tenantId(...).build())}), then this resolver, then the
 * client's {@code tenant-id} property; with none of them the call carries no {@code X-Tenant-Id}.
 *
 * <p>A resolver reads thread-bound state (the request, the security context), which work handed to
 * another thread does not see: there it finds nothing and the call falls back to the property. Read
 * the tenant on the request's thread and pass it with the call's options where the work goes
 * elsewhere. It must be thread-safe and fast; what it throws ends the call before anything is sent.
 */
@FunctionalInterface
public interface PortalTenantResolver {

  /**
   * The tenant of the call being made on the current thread.
   *
   * @return the tenant, or empty when this thread serves none (the client's {@code tenant-id}
   *     property, if any, is sent then)
   */
  Optional<String> resolveTenant();

  /**
   * A resolver reading a header of the servlet request the current thread serves, such as {@code
   * X-Tenant-Id}. The caller chooses the header's value: use it where the portal, or the
   * application before the call, checks that the caller belongs to that tenant.
   *
   * @param headerName the incoming request's header that names the tenant
   */
  static PortalTenantResolver fromRequestHeader(String headerName) {
    Objects.requireNonNull(headerName, "headerName == null");
    return new RequestHeaderTenantResolver(headerName);
  }
}
