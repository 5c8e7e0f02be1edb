package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.http.UriTemplates;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Turns a {@link Call} into what the first attempt sends: the route expanded under the base URL,
 * the query, the body written as JSON, and the headers every attempt carries. The headers of a call
 * without options of its own (most calls) are built once per client and shared.
 */
final class RequestFactory {

  static final String JSON = "application/json";

  private final ClientSettings settings;
  private final Headers defaultHeaders;

  RequestFactory(ClientSettings settings) {
    this.settings = settings;
    this.defaultHeaders = defaultHeaders(settings.tenantId()).build();
  }

  /** Where the route's path is appended: the base URL, and the guide's prefix for its routes. */
  String baseUrl(Endpoint endpoint) {
    return Endpoints.isGuideRoute(endpoint)
        ? settings.baseUrl() + settings.guideBasePath()
        : settings.baseUrl();
  }

  /** The request URI of the call, its path already expanded. */
  URI uri(Call call, String path) {
    return URI.create(baseUrl(call.endpoint()) + path + queryString(call.query()));
  }

  /**
   * The headers every attempt sends, tracing headers included; a CR, LF or NUL in an option's value
   * is refused here.
   */
  Headers headers(RequestOptions options, @Nullable RequestBody body, Map<String, String> tracing) {
    Headers headers = headers(options, body);
    if (tracing.isEmpty()) {
      return headers;
    }
    Headers.Builder withTracing = headers.toBuilder();
    tracing.forEach(withTracing::set);
    return withTracing.build();
  }

  private Headers headers(RequestOptions options, @Nullable RequestBody body) {
    if (options.headers().isEmpty()
        && options.tenantId().isEmpty()
        && options.idempotencyKey().isEmpty()
        && (body == null || body.contentType() == null)) {
      return defaultHeaders;
    }
    Headers.Builder headers = defaultHeaders(options.tenantId().orElse(settings.tenantId()));
    options.idempotencyKey().ifPresent(key -> headers.set("Idempotency-Key", key));
    if (body != null && body.contentType() != null) {
      headers.set("Content-Type", body.contentType());
    }
    options
        .headers()
        .toMap()
        .forEach(
            (name, values) -> {
              headers.remove(name);
              values.forEach(value -> headers.add(name, value));
            });
    return headers.build();
  }

  /** The headers of a call without options of its own. */
  private Headers.Builder defaultHeaders(@Nullable String tenant) {
    Headers.Builder headers = Headers.builder();
    headers.set("Accept", JSON);
    headers.set("User-Agent", settings.userAgent());
    if (settings.apiKey() != null) {
      headers.set("X-API-Key", settings.apiKey());
    }
    if (tenant != null) {
      headers.set("X-Tenant-Id", tenant);
    }
    return headers;
  }

  /** The call's body: its own, or its JSON value written out. */
  static @Nullable RequestBody body(Call call) {
    if (call.body() != null) {
      return call.body();
    }
    if (call.json() == null) {
      return null;
    }
    try {
      return RequestBody.of(PortalJson.MAPPER.writeValueAsBytes(call.json()), JSON);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "request body of "
              + call.endpoint().id()
              + " could not be written as JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static String queryString(List<String[]> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String[] parameter : query) {
      out.append(out.length() == 0 ? '?' : '&');
      try {
        out.append(UriTemplates.encode(parameter[0]))
            .append('=')
            .append(UriTemplates.encode(parameter[1]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "query parameter '" + parameter[0] + "': " + e.getMessage(), e);
      }
    }
    return out.toString();
  }
}
