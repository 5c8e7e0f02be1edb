package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The request path from one link on: {@link #proceed} hands the request to the link at {@code
 * index}, giving it the chain from the next one. The links of the client's own path reach the
 * call's {@link Exchange} through it.
 */
final class RealChain implements PortalInterceptor.Chain {

  private final List<PortalInterceptor> links;
  private final int index;
  private final TransportRequest request;
  private final Exchange exchange;

  RealChain(List<PortalInterceptor> links, int index, TransportRequest request, Exchange exchange) {
    this.links = links;
    this.index = index;
    this.request = request;
    this.exchange = exchange;
  }

  /** The exchange of a chain of the client's own path. */
  static Exchange exchange(PortalInterceptor.Chain chain) {
    return ((RealChain) chain).exchange;
  }

  @Override
  public TransportRequest request() {
    return request;
  }

  @Override
  public TransportResponse proceed(TransportRequest request) throws IOException {
    Objects.requireNonNull(request, "request == null");
    if (index >= links.size()) {
      throw new IllegalStateException("the transport is the last link: it cannot proceed");
    }
    PortalInterceptor link = links.get(index);
    TransportResponse response = link.intercept(new RealChain(links, index + 1, request, exchange));
    if (response == null) {
      throw new IllegalStateException(link + " returned no response");
    }
    return response;
  }

  @Override
  public int attempt() {
    return exchange.attempts();
  }

  @Override
  public Optional<Duration> remaining() {
    return Optional.ofNullable(exchange.remaining());
  }
}
