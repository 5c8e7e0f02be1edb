package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;

/**
 * Sends a session's cookies with the calls made for it (the guide's session routes: the httpOnly
 * refresh cookie) and keeps the cookies its responses set. A {@code Cookie} header the caller gave
 * is kept, the session's cookies added after it. Calls without a session pass untouched.
 */
final class SessionCookieInterceptor implements PortalInterceptor {

  @Override
  public TransportResponse intercept(Chain chain) throws IOException {
    CookieStore cookies = RealChain.exchange(chain).cookies;
    if (cookies == null) {
      return chain.proceed(chain.request());
    }
    TransportRequest request = chain.request();
    String own = request.headers().first("Cookie").orElse(null);
    TransportRequest withCookies =
        cookies
            .header(request.uri())
            .map(
                session ->
                    request.withHeader("Cookie", own == null ? session : own + "; " + session))
            .orElse(request);
    TransportResponse response = chain.proceed(withCookies);
    cookies.store(request.uri(), response.headers().values("Set-Cookie"));
    return response;
  }
}
