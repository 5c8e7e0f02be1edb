package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.RequestBody;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a namespace method asks the pipeline to send: an endpoint, its path variables, query
 * parameters, body and options. Built and used by one thread, once.
 *
 * <pre>{@code
 * executor.execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", id).options(options), User.class);
 * }</pre>
 */
public final class Call {

  private final Endpoint endpoint;
  private final Map<String, String> pathVariables = new LinkedHashMap<>(4);
  private List<String[]> query = List.of(); // made mutable by the first parameter
  private @Nullable Object json;
  private @Nullable RequestBody body;
  private RequestOptions options = RequestOptions.none();
  private List<String> secrets = List.of(); // made mutable by the first secret
  private @Nullable CookieStore cookies;

  private Call(Endpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
  }

  public static Call to(Endpoint endpoint) {
    return new Call(endpoint);
  }

  /** Sets a path variable; its value is encoded as one segment. */
  public Call path(String name, Object value) {
    Objects.requireNonNull(
        value, () -> "path variable '" + name + "' of " + endpoint.id() + " == null");
    pathVariables.put(name, value.toString());
    return this;
  }

  /**
   * Adds a query parameter. A null value is left out; a collection adds the parameter once per
   * element; enums and dates are sent as their string form.
   */
  public Call query(String name, @Nullable Object value) {
    if (value == null) {
      return this;
    }
    if (value instanceof Collection<?> values) {
      for (Object element : values) {
        query(name, element);
      }
      return this;
    }
    if (query.isEmpty()) {
      query = new ArrayList<>(4);
    }
    query.add(new String[] {name, asString(value)});
    return this;
  }

  /** Sets a JSON body, serialized with the client's own mapper. */
  public Call json(@Nullable Object json) {
    this.json = json;
    this.body = null;
    return this;
  }

  /** Sets a prepared body (multipart, a stream). */
  public Call body(RequestBody body) {
    this.body = Objects.requireNonNull(body, "body == null");
    this.json = null;
    return this;
  }

  /**
   * Names a secret this call's body carries (a password, a client secret, a one-time code), so an
   * error message that echoes it has it cut out; a null value is ignored.
   */
  public Call secret(@Nullable String value) {
    if (value != null && !value.isBlank()) {
      if (secrets.isEmpty()) {
        secrets = new ArrayList<>(2);
      }
      secrets.add(value);
    }
    return this;
  }

  /** Sends the session's cookies with the call and keeps those its response sets. */
  public Call cookies(CookieStore cookies) {
    this.cookies = Objects.requireNonNull(cookies, "cookies == null");
    return this;
  }

  /** Sets the call's options; null means none. */
  public Call options(@Nullable RequestOptions options) {
    this.options = options == null ? RequestOptions.none() : options;
    return this;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  Map<String, String> pathVariables() {
    return pathVariables;
  }

  List<String[]> query() {
    return query;
  }

  @Nullable Object json() {
    return json;
  }

  @Nullable RequestBody body() {
    return body;
  }

  RequestOptions options() {
    return options;
  }

  List<String> secrets() {
    return secrets;
  }

  @Nullable CookieStore cookies() {
    return cookies;
  }

  private static String asString(Object value) {
    if (value instanceof Enum<?> e) {
      return PortalJson.MAPPER.convertValue(e, String.class);
    }
    if (value instanceof TemporalAccessor) {
      return value.toString();
    }
    return value.toString();
  }
}
