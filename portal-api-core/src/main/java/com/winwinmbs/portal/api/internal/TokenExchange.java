package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.observation.PortalObservationEvents;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The request path of token requests: the links of a portal call that apply to them (the body read
 * within time and size bounds, the transport), without retries, tokens, cookies or the
 * application's interceptors. A failure leaves with the secrets the request carried cut out of its
 * message and causes, as a portal call's does.
 */
public final class TokenExchange {

  private final List<PortalInterceptor> links;

  public TokenExchange(PortalTransport transport) {
    this.links = List.of(new BodyInterceptor(), new TransportInterceptor(transport));
  }

  /**
   * Sends one token request and reads its answer into memory.
   *
   * @param secrets what the request carries that an echo must not show (the client secret in each
   *     form it was sent), besides its credential headers
   * @param maxBody the largest successful answer read, in bytes
   * @throws Failed when no complete answer arrived
   * @throws com.winwinmbs.portal.api.PortalApiException (code {@code RESPONSE_TOO_LARGE}) when a
   *     successful answer is larger than {@code maxBody}
   */
  public TransportResponse.Buffered send(
      TransportRequest request, List<String> secrets, long maxBody) {
    long left = Exchange.tokenNanosLeft();
    if (left <= 0) {
      throw new Failed(
          new TransportException(
              "no time was left for the token request: the call that needs the token ran out of time ["
                  + request.method()
                  + " "
                  + request.uri().getPath()
                  + "]",
              TransportException.Kind.TIMEOUT,
              PortalError.noResponse(request.method().name(), request.uri().getPath()),
              0,
              null),
          0);
    }
    Duration timeout =
        left < request.timeout().toNanos() ? Duration.ofNanos(left) : request.timeout();
    Exchange exchange =
        new Exchange(
            request.endpoint(),
            request.uri().getPath(),
            RequestOptions.none(),
            secrets,
            true,
            false,
            null,
            null,
            timeout,
            null,
            maxBody,
            null,
            null);
    TransportRequest bounded = request.withTimeout(timeout);
    try {
      return (TransportResponse.Buffered)
          new RealChain(links, 0, bounded, exchange).proceed(bounded);
    } catch (IOException e) {
      throw new Failed(TransportFailures.toException(e, exchange), exchange.status());
    }
  }

  /** No complete answer arrived: the failure, and the status if the headers had come. */
  public static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Failed(TransportException failure, int status) {
      super(failure.getMessage(), failure, false, false);
      this.status = status;
    }

    /** The failure, with the request's secrets cut out of its message and causes. */
    public TransportException failure() {
      return (TransportException) getCause();
    }

    /** The status of the answer whose body broke off, or 0 when no answer arrived. */
    public int status() {
      return status;
    }
  }

  /**
   * Nanoseconds the call on this thread may still wait for its token (negative once passed), or
   * {@code Long.MAX_VALUE} when no call waits: for token sources that wait on something else.
   */
  public static long nanosLeft() {
    return Exchange.tokenNanosLeft();
  }

  /** Tells the portal call waiting on this thread, if any, that its token source fetched one. */
  public static void reportFetch() {
    Exchange current = Exchange.current();
    if (current != null) {
      current.event(PortalObservationEvents.TOKEN_FETCH);
    }
  }
}
