package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sets {@code X-Tenant-Id} from a {@link PortalTenantResolver}, once per call on the calling thread
 * (position {@code CALL}, before retries), so every attempt of a call carries the same tenant and
 * no value outlives the call. A tenant the call's options set is kept; the client's {@code
 * tenant-id} property stands in when the resolver finds none.
 */
final class TenantInterceptor implements PortalInterceptor {

  static final String HEADER = "X-Tenant-Id";

  private final PortalTenantResolver resolver;

  private final @Nullable String fallback;

  TenantInterceptor(PortalTenantResolver resolver, @Nullable String fallback) {
    this.resolver = resolver;
    this.fallback = (fallback == null || fallback.isBlank()) ? null : fallback;
  }

  @Override
  public TransportResponse intercept(Chain chain) throws IOException {
    TransportRequest request = chain.request();
    // The client's own tenant is not set on the builder while a resolver is in use, so a header
    // here came from the call's options: the caller's explicit choice.
    if (request.headers().first(HEADER).isPresent()) {
      return chain.proceed(request);
    }
    Optional<String> resolved = this.resolver.resolveTenant();
    String tenant =
        Optional.ofNullable(resolved)
            .flatMap((value) -> value)
            .filter((value) -> !value.isBlank())
            .orElse(this.fallback);
    // the value is checked as any header is: a CR, LF or control character is refused, not sent
    return chain.proceed((tenant != null) ? request.withHeader(HEADER, tenant) : request);
  }

  @Override
  public String toString() {
    return "TenantInterceptor[" + this.resolver + "]";
  }
}
