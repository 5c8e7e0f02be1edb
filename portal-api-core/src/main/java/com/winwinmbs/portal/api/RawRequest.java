package com.winwinmbs.portal.api;

import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.HttpMethod;
import com.winwinmbs.portal.api.internal.Call;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to a route the client does not model yet, for {@link
 * PortalApiClient#rawRequest(RawRequest)}: a method, a path template relative to the base URL with
 * its variables, query parameters, a JSON body and per-call options. Immutable.
 *
 * <pre>{@code
 * RawRequest request = RawRequest.post("/reports/{id}/export")
 *     .pathVariable("id", reportId)
 *     .body(Map.of("format", "csv"))
 *     .options(RequestOptions.builder().idempotencyKey("export-" + reportId).build())
 *     .build();
 * }</pre>
 *
 * <p>The template (for example {@code /reports/{id}}) is what metrics show as {@code uri}: put ids
 * in variables, never in the template, so the metric's cardinality stays low. Each variable is
 * encoded as one path segment, each query value as one value.
 */
public final class RawRequest {

  private final Endpoint endpoint;
  private final Map<String, String> pathVariables;
  private final List<Map.Entry<String, Object>> query;
  private final @Nullable Object body;
  private final RequestOptions options;

  private RawRequest(Builder builder) {
    this.endpoint =
        new Endpoint(
            "raw",
            "request",
            builder.method,
            builder.template,
            builder.idempotent != null ? builder.idempotent : builder.method.isIdempotent(),
            false);
    List<String> names = endpoint.variableNames();
    for (String name : names) {
      if (!builder.pathVariables.containsKey(name)) {
        throw new IllegalStateException(
            "path variable '" + name + "' of " + builder.template + " is not set");
      }
    }
    for (String name : builder.pathVariables.keySet()) {
      if (!names.contains(name)) {
        throw new IllegalStateException(
            "path variable '" + name + "' is not in the template " + builder.template);
      }
    }
    this.pathVariables = Map.copyOf(builder.pathVariables);
    this.query = List.copyOf(builder.query);
    this.body = builder.body;
    this.options = builder.options;
  }

  /** A request with this method and path template, for example {@code /reports/{id}}. */
  public static Builder builder(HttpMethod method, String pathTemplate) {
    return new Builder(method, pathTemplate);
  }

  public static Builder get(String pathTemplate) {
    return builder(HttpMethod.GET, pathTemplate);
  }

  public static Builder post(String pathTemplate) {
    return builder(HttpMethod.POST, pathTemplate);
  }

  public static Builder put(String pathTemplate) {
    return builder(HttpMethod.PUT, pathTemplate);
  }

  public static Builder patch(String pathTemplate) {
    return builder(HttpMethod.PATCH, pathTemplate);
  }

  public static Builder delete(String pathTemplate) {
    return builder(HttpMethod.DELETE, pathTemplate);
  }

  /** The route this request calls: namespace {@code raw}, operation {@code request}. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The call the client's request path sends. */
  Call toCall() {
    Call call = Call.to(endpoint).options(options);
    pathVariables.forEach(call::path);
    query.forEach(parameter -> call.query(parameter.getKey(), parameter.getValue()));
    if (body != null) {
      call.json(body);
    }
    return call;
  }

  @Override
  public String toString() {
    return "RawRequest[" + endpoint.method() + " " + endpoint.uriTemplate() + ", " + options + "]";
  }

  /** Builds a {@link RawRequest}. */
  public static final class Builder {
    private final HttpMethod method;
    private final String template;
    private final Map<String, String> pathVariables = new LinkedHashMap<>();
    private final List<Map.Entry<String, Object>> query = new ArrayList<>();
    private @Nullable Object body;
    private @Nullable Boolean idempotent;
    private RequestOptions options = RequestOptions.none();

    private Builder(HttpMethod method, String template) {
      this.method = Objects.requireNonNull(method, "method == null");
      this.template = Objects.requireNonNull(template, "pathTemplate == null");
      // fail where the mistake is made: a template must start with '/' and balance its braces
      new Endpoint("raw", "request", method, template, false, false);
    }

    /** Sets the value of a variable of the template; it is encoded as one path segment. */
    public Builder pathVariable(String name, Object value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, () -> "path variable '" + name + "' == null");
      pathVariables.put(name, value.toString());
      return this;
    }

    /**
     * Adds a query parameter; a null value is left out, a collection adds the parameter once per
     * element.
     */
    public Builder query(String name, @Nullable Object value) {
      Objects.requireNonNull(name, "name == null");
      if (value != null) {
        query.add(Map.entry(name, value));
      }
      return this;
    }

    /** The body, written as JSON with the client's mapper (a record, a map, a list…). */
    public Builder body(@Nullable Object json) {
      this.body = json;
      return this;
    }

    /**
     * Whether the request may be sent again after a 5xx or an I/O failure; by default only {@code
     * GET}, {@code PUT} and {@code DELETE} may (or any call with an {@code Idempotency-Key}). Mark
     * a {@code POST} that only reads as idempotent.
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /** The call's options: headers, timeouts, idempotency key, tenant, token source. */
    public Builder options(RequestOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * @throws IllegalStateException when a variable of the template is not set, or one is set that
     *     the template does not have
     */
    public RawRequest build() {
      return new RawRequest(this);
    }
  }
}
