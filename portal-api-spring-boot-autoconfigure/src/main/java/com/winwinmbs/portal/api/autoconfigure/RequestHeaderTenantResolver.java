package com.winwinmbs.portal.api.autoconfigure;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The tenant named by a header of the servlet request bound to the current thread. */
final class RequestHeaderTenantResolver implements PortalTenantResolver {

  private final String headerName;

  RequestHeaderTenantResolver(String headerName) {
    if (headerName.isBlank()) {
      throw new IllegalArgumentException("headerName is blank");
    }
    this.headerName = headerName;
  }

  @Override
  public Optional<String> resolveTenant() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (!(attributes instanceof ServletRequestAttributes servlet)) {
      return Optional.empty();
    }
    String tenant = servlet.getRequest().getHeader(this.headerName);
    return (tenant == null || tenant.isBlank()) ? Optional.empty() : Optional.of(tenant.trim());
  }

  @Override
  public String toString() {
    return "PortalTenantResolver[header " + this.headerName + "]";
  }
}
