package com.winwinmbs.portal.api.http;

import java.io.IOException;

/**
 * Sends one HTTP request and returns the response with its body unread: the seam between the
 * client's request pipeline and an HTTP library.
 *
 * <p>A transport does one attempt. It does not retry, follow redirects, add headers, or read
 * credentials: the pipeline does all of that, so every transport behaves the same. It must be
 * thread-safe.
 */
@FunctionalInterface
public interface PortalTransport {

  /**
   * Sends the request.
   *
   * @return the response, whatever its status; the caller closes it
   * @throws IOException when no response arrived: the connection failed or was reset, or the
   *     timeout passed ({@link java.net.http.HttpTimeoutException} or {@link
   *     java.net.SocketTimeoutException})
   */
  TransportResponse exchange(TransportRequest request) throws IOException;
}
