package com.winwinmbs.portal.api;

import com.winwinmbs.portal.api.internal.Printable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a failed call told about itself, read from either error envelope the portal sends: {@code
 * {success:false, error:{code, message, details, timestamp, path, method, statusCode, requestId}}}
 * or {@code {error, message, statusCode, timestamp, details}}.
 *
 * @param status the HTTP status, or 0 when no response arrived
 * @param code the error code ({@code NOT_FOUND}, {@code VALIDATION_ERROR}, …), or null
 * @param message the portal's human message, or null
 * @param details the {@code details} object as sent (field errors, a {@code retry_after_ms}, …)
 * @param requestId the portal's request id, searchable in its audit log, or null
 * @param path the request path, as the portal reported it or as sent
 * @param method the HTTP method
 * @param timestamp the portal's timestamp, as sent, or null
 * @param rawBody the response body as text (cut at 64 KiB), or null when there was none
 */
public record PortalError(
    int status,
    @Nullable String code,
    @Nullable String message,
    Map<String, Object> details,
    @Nullable String requestId,
    @Nullable String path,
    @Nullable String method,
    @Nullable String timestamp,
    @Nullable String rawBody) {

  public PortalError {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** An error with no response: a failure before or while talking to the portal. */
  public static PortalError noResponse(@Nullable String method, @Nullable String path) {
    return new PortalError(0, null, null, Map.of(), null, path, method, null, null);
  }

  /**
   * The field-level validation errors: each entry of {@code details} whose value is a string or a
   * list of strings, keyed by field.
   */
  public Map<String, List<String>> fieldErrors() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    details.forEach(
        (field, value) -> {
          if (value instanceof String text) {
            fields.put(field, List.of(text));
          } else if (value instanceof List<?> list
              && !list.isEmpty()
              && list.stream().allMatch(String.class::isInstance)) {
            List<String> messages = new ArrayList<>(list.size());
            list.forEach(item -> messages.add((String) item));
            fields.put(field, List.copyOf(messages));
          }
        });
    return Collections.unmodifiableMap(fields);
  }

  /** The fields (not the raw body), with control characters escaped: the server wrote them. */
  @Override
  public String toString() {
    return "PortalError[status="
        + status
        + ", code="
        + Printable.escape(code)
        + ", message="
        + Printable.escape(message)
        + ", details="
        + Printable.escape(details.keySet().toString())
        + ", requestId="
        + Printable.escape(requestId)
        + ", path="
        + Printable.escape(path)
        + ", method="
        + Printable.escape(method)
        + ", timestamp="
        + Printable.escape(timestamp)
        + "]";
  }
}
