package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.observation.PortalObservationEvents;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds {@code Authorization: Bearer} from the call's token source (the call's own, else the
 * client's), asked once per attempt. On a 401 it tells a source that can refresh which token was
 * rejected, takes the next one and sends the request once more, once per call: concurrent callers
 * rejected for the same token share one refresh (the source's single flight). A call that brought
 * its own {@code Authorization} is sent as it is.
 */
final class BearerTokenInterceptor implements PortalInterceptor {

  private static final Logger log =
      LoggerFactory.getLogger("com.winwinmbs.portal.api.PortalApiClient");

  /** The latest token's header value; one client, one token most of the time. */
  private volatile @Nullable Bearer last;

  @Override
  public TransportResponse intercept(Chain chain) throws IOException {
    Exchange exchange = RealChain.exchange(chain);
    TokenSource source = exchange.tokenSource;
    TransportRequest request = chain.request();
    String token = source == null ? null : token(source, exchange);
    if (token == null) {
      return chain.proceed(request);
    }
    TransportResponse response = chain.proceed(authorized(request, token));
    if (response.status() != 401
        || !source.canRefresh()
        || exchange.refreshed()
        || !exchange.replayable) {
      return response;
    }
    exchange.markRefreshed();
    response.close();
    source.invalidate(token);
    exchange.event(PortalObservationEvents.TOKEN_REFRESH);
    log.debug(
        "{} {} was refused with 401; refreshing the token and sending once more",
        exchange.method(),
        exchange.path);
    return chain.proceed(authorized(request, token(source, exchange)));
  }

  /** The source's token, within the attempt's timeout and the call's deadline. */
  private static @Nullable String token(TokenSource source, Exchange exchange) {
    exchange.startTokenWait();
    return source.token().orElse(null);
  }

  private TransportRequest authorized(TransportRequest request, @Nullable String token) {
    if (token == null) {
      return request;
    }
    Bearer bearer = last;
    if (bearer == null || !bearer.token.equals(token)) {
      bearer = new Bearer(token, "Bearer " + token); // a token serves many calls: made once
      last = bearer;
    }
    return request.withHeader("Authorization", bearer.header);
  }

  /** A token and its header value. */
  private record Bearer(String token, String header) {
    @Override
    public String toString() {
      return "Bearer[REDACTED]";
    }
  }
}
