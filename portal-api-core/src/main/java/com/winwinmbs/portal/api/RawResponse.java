package com.winwinmbs.portal.api;

import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.internal.PortalJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The answer of {@link PortalApiClient#rawRequest(RawRequest)}: a 2xx status, the headers and the
 * body as received (a portal route's {@code {success, data}} envelope is not unwrapped). Its {@code
 * toString()} shows the status and size, never the body.
 */
public final class RawResponse {

  private final Endpoint endpoint;
  private final int status;
  private final Headers headers;
  private final byte[] body;

  private RawResponse(Endpoint endpoint, int status, Headers headers, byte[] body) {
    this.endpoint = endpoint;
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  static RawResponse read(Endpoint endpoint, TransportResponse response) throws IOException {
    byte[] body;
    if (response instanceof TransportResponse.Buffered buffered) {
      body = buffered.bytes();
    } else {
      try (InputStream in = response.body()) {
        body = in.readAllBytes();
      }
    }
    return new RawResponse(endpoint, response.status(), response.headers(), body);
  }

  /** The HTTP status (2xx: other statuses are thrown as exceptions). */
  public int status() {
    return status;
  }

  public Headers headers() {
    return headers;
  }

  /** The body as received; empty for none. */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body as a JSON tree.
   *
   * @throws PortalApiException (code {@code DECODE_ERROR}) when the body is not JSON
   */
  public JsonNode json() {
    try {
      return PortalJson.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw decodeFailure("JSON", e);
    }
  }

  /**
   * The body decoded as {@code type} with the client's own mapper (snake_case names as the records
   * of the client declare them, unknown fields ignored).
   *
   * @throws PortalApiException (code {@code DECODE_ERROR}) when it cannot be
   */
  public <T> T as(Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    T value;
    try {
      value = PortalJson.MAPPER.readValue(body, type);
    } catch (JacksonException e) {
      throw decodeFailure(type.getSimpleName(), e);
    }
    if (value == null) {
      throw new PortalApiException(
          message(type.getSimpleName() + ": the body is JSON null or empty"), error(), 1, null);
    }
    return value;
  }

  /** A failure that names the kind and place of the problem, never the body's text. */
  private PortalApiException decodeFailure(String what, JacksonException e) {
    return new PortalApiException(message(what + ": " + PortalJson.describe(e)), error(), 1, null);
  }

  private String message(String what) {
    return "could not decode the "
        + status
        + " response of "
        + endpoint.uriTemplate()
        + " as "
        + what
        + " ["
        + endpoint.method()
        + " "
        + endpoint.uriTemplate()
        + "]";
  }

  private PortalError error() {
    return new PortalError(
        status,
        "DECODE_ERROR",
        null,
        Map.of(),
        headers.first("X-Request-Id").orElse(null),
        endpoint.uriTemplate(),
        endpoint.method().name(),
        null,
        null);
  }

  @Override
  public String toString() {
    return "RawResponse[status=" + status + ", " + body.length + " bytes]";
  }
}
