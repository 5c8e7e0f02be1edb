package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a response the call ends with into the exception its status calls for ({@link ErrorDecoder}
 * reads both error envelopes), with what the server echoed of the request's credentials and body
 * secrets cut out of every message; {@code rawBody()} keeps the body as received.
 */
final class ErrorMapper {

  private ErrorMapper() {}

  /** The exception for a final response that is not a success. */
  static PortalApiException toException(
      TransportResponse response, Exchange exchange, Instant now) {
    int status = response.status();
    Headers headers = response.headers();
    ErrorDecoder.Decoded decoded =
        ErrorDecoder.decode(
            status, headers, bytes(response), exchange.method(), exchange.path, now);
    String note = exchange.note();
    if (status >= 300 && status < 400) {
      note =
          "redirects are not followed"
              + headers
                  .first("Location")
                  .map(ErrorMapper::origin)
                  .map(origin -> "; Location points to " + origin)
                  .orElse("");
    }
    return ErrorDecoder.toException(
        withoutCredentials(decoded, secrets(exchange)),
        exchange.attempts(),
        exchange.rateLimit(),
        note);
  }

  /** The wait a 429 or 503 asked for: its body's {@code retry_after_ms}, else its headers. */
  static @Nullable Duration retryAfter(TransportResponse response, Exchange exchange, Instant now) {
    return ErrorDecoder.decode(
            response.status(),
            response.headers(),
            bytes(response),
            exchange.method(),
            exchange.path,
            now)
        .retryAfter();
  }

  /** A 2xx whose envelope says {@code success: false}. */
  static PortalApiException unsuccessful(Exchange exchange, int status, @Nullable String message) {
    String method = exchange.method();
    String template = exchange.endpoint.uriTemplate();
    PortalError error =
        new PortalError(
            status,
            "UNSUCCESSFUL",
            Redaction.scrub(message, secrets(exchange)),
            Map.of(),
            null,
            template,
            method,
            null,
            null);
    return new PortalApiException(
        ErrorDecoder.message(error, exchange.attempts(), "the envelope reported success=false"),
        error,
        exchange.attempts(),
        null);
  }

  /**
   * What the call must not see echoed in an error message, longest first: the credential headers it
   * sent last (the whole value, the part after the scheme, each cookie's value) of 8 characters or
   * more, and the secrets its body carries of 4 or more.
   */
  static List<String> secrets(Exchange exchange) {
    List<String> secrets = new ArrayList<>();
    Headers sent = exchange.sent();
    if (sent != null) {
      for (String name : sent.names()) {
        if (Headers.isSensitive(name)) {
          for (String value : sent.values(name)) {
            addCredential(secrets, value);
          }
        }
      }
    }
    // short values (a cookie "1") would blank out ordinary text and are no secret worth the name
    secrets.removeIf(secret -> secret.length() < 8);
    for (String secret : exchange.secrets) {
      if (secret.length() >= 4) {
        secrets.add(secret);
      }
    }
    secrets.sort((a, b) -> b.length() - a.length()); // the longest first, so no part is left over
    return secrets;
  }

  private static void addCredential(List<String> secrets, String value) {
    secrets.add(value);
    int space = value.indexOf(' ');
    if (space > 0) {
      secrets.add(value.substring(space + 1).trim()); // Bearer <token>, Basic <credentials>
    }
    for (String pair : value.split(";")) {
      int equals = pair.indexOf('=');
      secrets.add(pair.trim());
      if (equals >= 0) {
        secrets.add(pair.substring(equals + 1).trim()); // a cookie's value
      }
    }
  }

  private static ErrorDecoder.Decoded withoutCredentials(
      ErrorDecoder.Decoded decoded, List<String> secrets) {
    if (secrets.isEmpty()) {
      return decoded;
    }
    PortalError error = decoded.error();
    PortalError scrubbed =
        new PortalError(
            error.status(),
            Redaction.scrub(error.code(), secrets),
            Redaction.scrub(error.message(), secrets),
            error.details(),
            Redaction.scrub(error.requestId(), secrets),
            Redaction.scrub(error.path(), secrets),
            Redaction.scrub(error.method(), secrets),
            Redaction.scrub(error.timestamp(), secrets),
            error.rawBody());
    return scrubbed.equals(error)
        ? decoded
        : new ErrorDecoder.Decoded(scrubbed, decoded.retryAfter());
  }

  /** The body of a response the body link read into memory (at most 64 KB of an error). */
  static byte[] bytes(TransportResponse response) {
    if (response instanceof TransportResponse.Buffered buffered) {
      return buffered.bytes();
    }
    try (InputStream in = response.body()) { // an interceptor's own response
      return in.readNBytes(ErrorDecoder.MAX_BODY);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static String origin(String location) {
    try {
      URI uri = URI.create(location.trim());
      return uri.getHost() == null ? "a relative path" : uri.getScheme() + "://" + uri.getHost();
    } catch (IllegalArgumentException e) {
      return "an unparseable location";
    }
  }
}
