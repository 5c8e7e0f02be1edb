package com.winwinmbs.portal.api.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of a request, as the pipeline hands it to a {@link PortalTransport}.
 *
 * @param endpoint the route, with its URI template (for metrics) and identity
 * @param method the HTTP method
 * @param uri the absolute, fully encoded URI to send to
 * @param pathVariables the raw values of the template's variables
 * @param headers every header to send, credentials included; {@code toString()} redacts them; every
 *     value must be ASCII ({@link Headers#requireSendable(String, String)})
 * @param body the body, or null for none
 * @param timeout how long to wait for the response headers
 */
public record TransportRequest(
    Endpoint endpoint,
    HttpMethod method,
    URI uri,
    Map<String, String> pathVariables,
    Headers headers,
    @Nullable RequestBody body,
    Duration timeout) {

  public TransportRequest {
    Objects.requireNonNull(endpoint, "endpoint == null");
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(uri, "uri == null");
    pathVariables = Map.copyOf(pathVariables);
    Objects.requireNonNull(headers, "headers == null");
    // the last check before a transport: a value the JDK client would alter is not sent at all
    Headers.requireSendable(headers);
    Objects.requireNonNull(timeout, "timeout == null");
  }

  /** The route's URI template, for example {@code /users/{id}}. */
  public String uriTemplate() {
    return endpoint.uriTemplate();
  }

  /** A copy with these headers in place of this request's. */
  public TransportRequest withHeaders(Headers headers) {
    return new TransportRequest(endpoint, method, uri, pathVariables, headers, body, timeout);
  }

  /**
   * A copy with the header set to this value (replacing any of the same name); a CR, LF, NUL or
   * other character a header cannot carry is refused.
   */
  public TransportRequest withHeader(String name, String value) {
    return withHeaders(headers.with(name, value));
  }

  /** A copy that waits at most this long for the response headers. */
  public TransportRequest withTimeout(Duration timeout) {
    return new TransportRequest(endpoint, method, uri, pathVariables, headers, body, timeout);
  }
}
