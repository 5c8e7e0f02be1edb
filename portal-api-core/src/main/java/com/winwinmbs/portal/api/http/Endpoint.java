package com.winwinmbs.portal.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One route of the portal, written once in the route catalog: who calls it (namespace and
 * operation), how (method and URI template) and whether a failed attempt may be sent again.
 *
 * <p>The URI template is relative to the client's base URL and names its variables in braces, for
 * example {@code /users/{id}}. Transports receive the template so metrics keep {@code uri} low in
 * cardinality.
 *
 * @param namespace the client namespace, for example {@code user}
 * @param operation the namespace method, for example {@code findById}
 * @param method the HTTP method
 * @param uriTemplate the path template relative to the base URL, starting with {@code /}
 * @param idempotent whether a request may be repeated after a 5xx or an I/O failure
 * @param envelope whether the response is wrapped in the portal's {@code {success, data}} envelope
 */
public record Endpoint(
    String namespace,
    String operation,
    HttpMethod method,
    String uriTemplate,
    boolean idempotent,
    boolean envelope) {

  public Endpoint {
    Objects.requireNonNull(namespace, "namespace == null");
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(uriTemplate, "uriTemplate == null");
    if (!uriTemplate.startsWith("/")) {
      throw new IllegalArgumentException("uriTemplate must start with '/': " + uriTemplate);
    }
    if (uriTemplate.indexOf('?') >= 0 || uriTemplate.indexOf('#') >= 0) {
      throw new IllegalArgumentException(
          "uriTemplate must not hold a query or fragment: " + uriTemplate);
    }
    parse(uriTemplate); // fail early on unbalanced braces
  }

  /** A portal route whose response is wrapped in the {@code {success, data}} envelope. */
  public static Endpoint portal(
      String namespace, String operation, HttpMethod method, String uriTemplate) {
    return new Endpoint(namespace, operation, method, uriTemplate, method.isIdempotent(), true);
  }

  /**
   * A route whose response body is the payload itself (the session, tenant and MCP-token routes).
   */
  public static Endpoint plain(
      String namespace, String operation, HttpMethod method, String uriTemplate) {
    return new Endpoint(namespace, operation, method, uriTemplate, method.isIdempotent(), false);
  }

  /** A copy that may be retried although its method is not idempotent (a read sent as POST). */
  public Endpoint asIdempotent() {
    return new Endpoint(namespace, operation, method, uriTemplate, true, envelope);
  }

  /** The names of the template's variables, in order. */
  public List<String> variableNames() {
    List<String> names = new ArrayList<>();
    for (Object part : parse(uriTemplate)) {
      if (part instanceof Variable variable) {
        names.add(variable.name());
      }
    }
    return names;
  }

  /**
   * The path this route addresses with these variables, each value percent-encoded as exactly one
   * segment, for example {@code /users/a%2Fb} for {@code id = "a/b"}.
   *
   * @throws IllegalArgumentException when a variable is missing, empty or not in the template
   */
  public String expand(Map<String, String> variables) {
    return UriTemplates.expand(this, variables);
  }

  /** {@code namespace.operation}, for messages. */
  public String id() {
    return namespace + "." + operation;
  }

  /** The template split into literal strings and {@link Variable}s. */
  public static List<Object> parse(String template) {
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        checkNoClose(template, i, template.length());
        parts.add(template.substring(i));
        break;
      }
      checkNoClose(template, i, open);
      if (open > i) {
        parts.add(template.substring(i, open));
      }
      int close = template.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("Unclosed '{' in uriTemplate: " + template);
      }
      String name = template.substring(open + 1, close);
      if (name.isEmpty() || name.indexOf('{') >= 0) {
        throw new IllegalArgumentException("Bad variable in uriTemplate: " + template);
      }
      parts.add(new Variable(name));
      i = close + 1;
    }
    return parts;
  }

  private static void checkNoClose(String template, int from, int to) {
    if (template.substring(from, to).indexOf('}') >= 0) {
      throw new IllegalArgumentException("Unopened '}' in uriTemplate: " + template);
    }
  }

  /** A variable of a URI template. */
  public record Variable(String name) {}
}
