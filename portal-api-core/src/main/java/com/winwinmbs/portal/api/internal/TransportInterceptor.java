package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last link: sends one request through the transport. Counts the attempt when it goes out (a
 * token source or a refusal that fails first sent nothing), bounds the wait for the headers by what
 * is left of the call, records the status and request id, and logs the headers, redacted, at TRACE.
 */
final class TransportInterceptor implements PortalInterceptor {

  private static final Logger log =
      LoggerFactory.getLogger("com.winwinmbs.portal.api.PortalApiClient");

  private final PortalTransport transport;

  TransportInterceptor(PortalTransport transport) {
    this.transport = transport;
  }

  @Override
  public TransportResponse intercept(Chain chain) throws IOException {
    Exchange exchange = RealChain.exchange(chain);
    TransportRequest request = chain.request();
    if (exchange.deadlineBoundsAttempt()) {
      request = request.withTimeout(exchange.attemptTimeout());
    }
    exchange.attemptSent(request.headers());
    if (log.isTraceEnabled()) {
      log.trace(
          "{} {} attempt {} headers={}",
          request.method(),
          request.uriTemplate(),
          exchange.attempts(),
          request.headers());
    }
    TransportResponse response = transport.exchange(request);
    exchange.answered(response.status(), response.headers().first("X-Request-Id").orElse(null));
    if (log.isTraceEnabled()) {
      log.trace(
          "{} {} attempt {} -> {} headers={}",
          request.method(),
          request.uriTemplate(),
          exchange.attempts(),
          response.status(),
          response.headers());
    }
    return response;
  }

  @Override
  public String toString() {
    return "TransportInterceptor[" + transport + "]";
  }
}
