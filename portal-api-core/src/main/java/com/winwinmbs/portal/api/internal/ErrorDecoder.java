package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.AuthenticationException;
import com.winwinmbs.portal.api.BadRequestException;
import com.winwinmbs.portal.api.ConflictException;
import com.winwinmbs.portal.api.NotFoundException;
import com.winwinmbs.portal.api.PermissionDeniedException;
import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.RateLimit;
import com.winwinmbs.portal.api.RateLimitException;
import com.winwinmbs.portal.api.ServerException;
import com.winwinmbs.portal.api.UnprocessableEntityException;
import com.winwinmbs.portal.api.http.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an error response, whichever envelope it uses, or none (an HTML page from a proxy), into a
 * {@link PortalError} and the exception its status calls for.
 */
public final class ErrorDecoder {

  /** How much of an error body is kept. */
  public static final int MAX_BODY = 64 * 1024;

  private ErrorDecoder() {}

  /** A parsed error response: what it said, and the wait it asked for (429, 503). */
  public record Decoded(PortalError error, @Nullable Duration retryAfter) {}

  public static Decoded decode(
      int status,
      Headers headers,
      byte @Nullable [] body,
      String method,
      String path,
      Instant now) {
    String text =
        body == null || body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
    JsonNode root = parse(body);
    String code = null;
    String message = null;
    Map<String, Object> details = Map.of();
    String requestId = null;
    String errorPath = null;
    String errorMethod = null;
    String timestamp = null;
    Long retryAfterMs = null;
    if (root != null && root.isObject()) {
      JsonNode error = root.get("error");
      if (error != null && error.isObject()) {
        // the portal's envelope: {success:false, error:{...}}
        code = text(error, "code");
        message = text(error, "message");
        details = map(error.get("details"));
        requestId = text(error, "requestId");
        errorPath = text(error, "path");
        errorMethod = text(error, "method");
        timestamp = text(error, "timestamp");
        retryAfterMs = number(error, "retry_after_ms");
        if (retryAfterMs == null && error.get("details") != null) {
          retryAfterMs = number(error.get("details"), "retry_after_ms");
        }
      } else {
        // the guide's format: {error, message, statusCode, timestamp, details}
        code = text(root, "code");
        if (code == null) {
          code = text(root, "error");
        }
        message = text(root, "message");
        details = map(root.get("details"));
        timestamp = text(root, "timestamp");
        errorPath = text(root, "path");
        if (root.get("details") != null) {
          retryAfterMs = number(root.get("details"), "retry_after_ms");
        }
      }
      if (requestId == null) {
        requestId = text(root, "requestId");
      }
      Long topLevel = number(root, "retry_after_ms");
      if (topLevel != null) {
        retryAfterMs = topLevel;
      }
    }
    if (requestId == null) {
      requestId = headers.first("X-Request-Id").orElse(null);
    }
    if (text != null && text.length() > MAX_BODY) {
      text = text.substring(0, MAX_BODY);
    }
    // what the server wrote is kept with its control characters escaped, so neither a message nor
    // a caller's log line built from these fields can be forged; the raw body stays as received
    PortalError error =
        new PortalError(
            status,
            Printable.escape(code),
            Printable.escape(message),
            escapeStrings(details),
            Printable.escape(requestId),
            errorPath != null ? Printable.escape(errorPath) : path,
            errorMethod != null ? Printable.escape(errorMethod) : method,
            Printable.escape(timestamp),
            text);
    Duration retryAfter =
        retryAfterMs != null && retryAfterMs >= 0
            ? Duration.ofMillis(retryAfterMs)
            : RetryAfter.fromHeaders(headers, now);
    return new Decoded(error, retryAfter);
  }

  /** The exception for a decoded error. */
  public static PortalApiException toException(
      Decoded decoded, int attempts, @Nullable RateLimit rateLimit, @Nullable String note) {
    PortalError error = decoded.error();
    String message = message(error, attempts, note);
    int status = error.status();
    return switch (status) {
      case 400 -> new BadRequestException(message, error, attempts, null);
      case 401 -> new AuthenticationException(message, error, attempts, null);
      case 403 -> new PermissionDeniedException(message, error, attempts, null);
      case 404 -> new NotFoundException(message, error, attempts, null);
      case 409 -> new ConflictException(message, error, attempts, null);
      case 422 -> new UnprocessableEntityException(message, error, attempts, null);
      case 429 ->
          new RateLimitException(message, error, attempts, decoded.retryAfter(), rateLimit, null);
      default ->
          status >= 500 && status < 600
              ? new ServerException(message, error, attempts, null)
              : new PortalApiException(message, error, attempts, null);
    };
  }

  /**
   * {@code 404 NOT_FOUND: User not found [GET /users/abc, requestId=req_1]}. What the server said
   * (code, message, method, path, request id) is shown with its control characters escaped, so a
   * CR, LF or ANSI escape sequence in it cannot forge a log line; the error's accessors and {@code
   * rawBody()} keep it as received.
   */
  public static String message(PortalError error, int attempts, @Nullable String note) {
    StringBuilder out = new StringBuilder();
    out.append(error.status());
    if (error.code() != null) {
      out.append(' ').append(Printable.escape(error.code()));
    } else {
      out.append(' ').append(reason(error.status()));
    }
    if (error.message() != null) {
      out.append(": ").append(Printable.escape(error.message()));
    } else if (error.rawBody() != null
        && parse(error.rawBody().getBytes(StandardCharsets.UTF_8)) == null) {
      out.append(": the response was not JSON (")
          .append(error.rawBody().length())
          .append(" characters)");
    }
    if (note != null) {
      out.append(" (").append(note).append(')');
    }
    out.append(" [")
        .append(Printable.escape(error.method()))
        .append(' ')
        .append(Printable.escape(error.path()));
    if (error.requestId() != null) {
      out.append(", requestId=").append(Printable.escape(error.requestId()));
    }
    if (attempts > 1) {
      out.append(", attempts=").append(attempts);
    }
    return out.append(']').toString();
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> status >= 300 && status < 400 ? "Redirect" : "HTTP error";
    };
  }

  private static @Nullable JsonNode parse(byte @Nullable [] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    int i = 0;
    while (i < body.length && Character.isWhitespace(body[i])) {
      i++;
    }
    if (i == body.length || (body[i] != '{' && body[i] != '[')) {
      return null;
    }
    try {
      return PortalJson.MAPPER.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainer()) {
      return null;
    }
    return value.asString();
  }

  private static @Nullable Long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      // beyond a long (1e30, thirty digits): saturate, as the cast below does for text
      return value.asLong(value.asString().startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE);
    }
    if (value.isString()) {
      try {
        return (long) Double.parseDouble(value.asString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable JsonNode node) {
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    try {
      Map<String, Object> map = PortalJson.MAPPER.convertValue(node, LinkedHashMap.class);
      map.values().removeIf(java.util.Objects::isNull);
      return map;
    } catch (JacksonException e) {
      return Map.of();
    }
  }

  /** The map with every string in it, keys and nested values alike, escaped. */
  private static Map<String, Object> escapeStrings(Map<String, Object> details) {
    if (details.isEmpty()) {
      return details;
    }
    Map<String, Object> escaped = new LinkedHashMap<>();
    details.forEach((key, value) -> escaped.put(Printable.escape(key), escapeValue(value)));
    return escaped;
  }

  @SuppressWarnings("unchecked")
  private static Object escapeValue(Object value) {
    if (value instanceof String text) {
      return Printable.escape(text);
    }
    if (value instanceof Map<?, ?> map) {
      return escapeStrings((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> escaped = new ArrayList<>(list.size());
      list.forEach(item -> escaped.add(item == null ? null : escapeValue(item)));
      return escaped;
    }
    return value;
  }
}
