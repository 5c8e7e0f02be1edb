package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;

/**
 * Refuses to send a credential over plain http to a host that is not loopback, unless allowed. The
 * builder refuses a client configured with credentials on such a URL; this link refuses the ones a
 * call brings (a per-call token or {@code Authorization}, a session's cookie, a login's password)
 * and those the links before it added, on the request exactly as it would go out.
 */
final class PlainHttpGuardInterceptor implements PortalInterceptor {

  @Override
  public TransportResponse intercept(Chain chain) throws IOException {
    TransportRequest request = chain.request();
    if (carriesCredentials(request, RealChain.exchange(chain))) {
      Urls.requireSecure(
          request.uri(), "apiUrl", "the credentials of " + request.endpoint().id(), false);
    }
    return chain.proceed(request);
  }

  /**
   * Whether a credential goes with the request: in a header, or in a body that names a secret (a
   * login's password, a sign-up's admin password, an SSO client secret…).
   */
  private static boolean carriesCredentials(TransportRequest request, Exchange exchange) {
    Headers headers = request.headers();
    for (String name : headers.names()) {
      if (Headers.isSensitive(name)) {
        return true;
      }
    }
    return !exchange.secrets.isEmpty();
  }
}
