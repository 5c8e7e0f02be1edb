package com.winwinmbs.portal.api.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.internal.Endpoints;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the stubs cannot do: the token endpoint, sign-in and refresh with fresh tokens, the contract
 * check, the bearer-token check and the scripted faults. Runs before WireMock matches a stub.
 */
final class PortalFilter implements StubRequestFilterV2 {

  /**
   * Routes guarded by neither a bearer token nor an API key (the document's {@code security: []}).
   */
  static final Set<String> PUBLIC_ROUTES =
      Set.of("auth.login", "auth.refresh", "auth.ssoLogin", "tenant.register", "tenant.checkSlug");

  private static final List<Endpoint> ROUTES =
      Endpoints.all().stream()
          // literal segments before variables: /workflows/tasks before /workflows/{id}
          .sorted(Comparator.comparingInt((Endpoint e) -> e.variableNames().size()))
          .toList();

  private final Map<String, String> clients;
  private final boolean requireToken;
  private final @Nullable CompletableFuture<ContractValidator> validator;
  private final Duration tokenLifetime;

  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Set<String> expired = ConcurrentHashMap.newKeySet();
  private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
  private volatile boolean rejectAll;
  private final Deque<Function<Endpoint, ResponseDefinition>> next = new ConcurrentLinkedDeque<>();
  private final List<ContractViolation> violations = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger issued =
      new java.util.concurrent.atomic.AtomicInteger();

  PortalFilter(
      Map<String, String> clients,
      boolean requireToken,
      @Nullable CompletableFuture<ContractValidator> validator,
      Duration tokenLifetime) {
    this.clients = new ConcurrentHashMap<>(clients);
    this.requireToken = requireToken;
    this.validator = validator;
    this.tokenLifetime = tokenLifetime;
    this.tokens.add(MockPortal.ACCESS_TOKEN);
  }

  @Override
  public String getName() {
    return "mock-portal";
  }

  /** Routes this filter answers, so no stub is registered for them. */
  static boolean answersItself(Endpoint endpoint) {
    return endpoint.equals(Endpoints.AUTH_LOGIN) || endpoint.equals(Endpoints.AUTH_REFRESH);
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String path = URI.create(request.getUrl()).getRawPath();
    String method = request.getMethod().getName();
    if (path.equals(MockPortal.TOKEN_PATH)) {
      return RequestFilterAction.stopWith(tokenResponse(request));
    }
    Optional<Endpoint> route = route(method, path);
    if (validator != null) {
      List<String> broken = validator.join().validate(request);
      if (!broken.isEmpty()) {
        ContractViolation violation = new ContractViolation(method, request.getUrl(), broken);
        violations.add(violation);
        return RequestFilterAction.stopWith(
            error(route.orElse(null), 400, "CONTRACT_VIOLATION", violation.toString(), null)
                .build());
      }
    }
    if (route.isEmpty()) {
      return RequestFilterAction.continueWith(request);
    }
    Endpoint endpoint = route.get();
    if (requireToken && !PUBLIC_ROUTES.contains(endpoint.id())) {
      ResponseDefinition refusal = checkCredentials(request, endpoint);
      if (refusal != null) {
        return RequestFilterAction.stopWith(refusal);
      }
    }
    Function<Endpoint, ResponseDefinition> scripted = next.poll();
    if (scripted != null) {
      return RequestFilterAction.stopWith(scripted.apply(endpoint));
    }
    if (endpoint.equals(Endpoints.AUTH_LOGIN)) {
      return RequestFilterAction.stopWith(login(request));
    }
    if (endpoint.equals(Endpoints.AUTH_REFRESH)) {
      return RequestFilterAction.stopWith(refresh(request));
    }
    return RequestFilterAction.continueWith(request);
  }

  static Optional<Endpoint> route(String method, String path) {
    String[] segments = path.split("/", -1);
    for (Endpoint endpoint : ROUTES) {
      if (!endpoint.method().name().equals(method)) {
        continue;
      }
      String[] template = endpoint.uriTemplate().split("/", -1);
      if (template.length != segments.length) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < template.length && match; i++) {
        match =
            template[i].startsWith("{") ? !segments[i].isEmpty() : template[i].equals(segments[i]);
      }
      if (match) {
        return Optional.of(endpoint);
      }
    }
    return Optional.empty();
  }

  private @Nullable ResponseDefinition checkCredentials(Request request, Endpoint endpoint) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || authorization.isBlank()) {
      if (MockPortal.API_KEY.equals(request.getHeader("X-API-Key"))) {
        return null;
      }
      return unauthorized(endpoint, "UNAUTHORIZED", "Authentication required");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return unauthorized(endpoint, "UNAUTHORIZED", "Expected a Bearer token");
    }
    String token = authorization.substring(7).trim();
    if (rejectAll) {
      return unauthorized(endpoint, "INVALID_TOKEN", "Invalid token");
    }
    if (expired.remove(token)) {
      tokens.remove(token);
      return unauthorized(endpoint, "TOKEN_EXPIRED", "Token has expired");
    }
    if (!tokens.contains(token)) {
      return unauthorized(endpoint, "INVALID_TOKEN", "Invalid token");
    }
    return null;
  }

  private static ResponseDefinition unauthorized(Endpoint endpoint, String code, String message) {
    ResponseDefinitionBuilder refusal = error(endpoint, 401, code, message, null);
    return endpoint.envelope()
        ? refusal.withHeader("WWW-Authenticate", "Bearer").build()
        : refusal.build();
  }

  /**
   * An error in the format of the route: the portal's envelope on the routes of the TypeScript
   * client (and on paths that are no route), the guide's {@code {error, message, statusCode,
   * timestamp, details}} on the session, tenant and MCP-token routes, whose {@code details} hold
   * lists of messages by field.
   */
  static ResponseDefinitionBuilder error(
      @Nullable Endpoint endpoint,
      int status,
      String code,
      String message,
      @Nullable Map<String, Object> details) {
    if (endpoint == null || endpoint.envelope()) {
      return PortalStubs.json(status, portalError(status, code, message, details));
    }
    ObjectNode body = PortalData.JSON.createObjectNode();
    body.put("error", guideTitle(status, code));
    body.put("message", message);
    body.put("statusCode", status);
    body.put("timestamp", Instant.now().toString());
    if (details != null) {
      ObjectNode fields = body.putObject("details");
      details.forEach(
          (field, value) -> {
            if (value instanceof List<?> messages) {
              fields.set(field, PortalData.JSON.valueToTree(messages));
            }
          });
    }
    return PortalStubs.json(status, body);
  }

  private static String guideTitle(int status, String code) {
    return switch (status) {
      case 400 -> code.equals("VALIDATION_ERROR") ? "Validation Error" : "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }

  /** The portal's error envelope. */
  static ObjectNode portalError(
      int status, String code, String message, @Nullable Map<String, Object> details) {
    ObjectNode body = PortalData.JSON.createObjectNode();
    body.put("success", false);
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    if (details != null) {
      error.set("details", PortalData.JSON.valueToTree(details));
    }
    error.put("statusCode", status);
    error.put("timestamp", Instant.now().toString());
    error.put("requestId", "req_mock_" + UUID.randomUUID().toString().substring(0, 8));
    return body;
  }

  // the token endpoint: JSON like the portal, or an RFC 6749 form with either client auth

  private ResponseDefinition tokenResponse(Request request) {
    if (!"POST".equals(request.getMethod().getName())) {
      return tokenError(405, "invalid_request", "Use POST");
    }
    Map<String, String> params = new LinkedHashMap<>();
    String contentType = request.getHeader("Content-Type");
    String body = request.getBodyAsString();
    if (contentType != null && contentType.startsWith("application/json")) {
      try {
        JsonNode json = PortalData.JSON.readTree(body);
        json.properties().forEach(e -> params.put(e.getKey(), e.getValue().asString()));
      } catch (JacksonException e) {
        return tokenError(400, "invalid_request", "Body is not JSON");
      }
    } else {
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    String basic = request.getHeader("Authorization");
    if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded =
          new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        params.put(
            "client_id", URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
        params.put(
            "client_secret",
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
      }
    }
    if (!"client_credentials".equals(params.get("grant_type"))) {
      return tokenError(400, "unsupported_grant_type", "Only client_credentials is supported");
    }
    String clientId = params.get("client_id");
    String secret = clientId == null ? null : clients.get(clientId);
    if (secret == null || !secret.equals(params.get("client_secret"))) {
      return tokenError(401, "invalid_client", "Unknown client or wrong secret");
    }
    String token = issue("mock_at_");
    ObjectNode answer = PortalData.JSON.createObjectNode();
    answer.put("access_token", token);
    answer.put("token_type", "Bearer");
    answer.put("expires_in", tokenLifetime.toSeconds());
    if (params.get("scope") != null) {
      answer.put("scope", params.get("scope"));
    }
    return PortalStubs.json(200, answer).withHeader("Cache-Control", "no-store").build();
  }

  private static ResponseDefinition tokenError(int status, String error, String description) {
    ObjectNode body = PortalData.JSON.createObjectNode();
    body.put("error", error);
    body.put("error_description", description);
    return PortalStubs.json(status, body).build();
  }

  private String issue(String prefix) {
    String token = prefix + UUID.randomUUID().toString().replace("-", "");
    tokens.add(token);
    issued.incrementAndGet();
    return token;
  }

  // the guide's session routes

  private ResponseDefinition login(Request request) {
    JsonNode body;
    try {
      body = PortalData.JSON.readTree(request.getBodyAsString());
    } catch (JacksonException e) {
      body = PortalData.JSON.createObjectNode();
    }
    JsonNode email = body.get("email");
    JsonNode password = body.get("password");
    if (email == null
        || password == null
        || !MockPortal.USER_EMAIL.equalsIgnoreCase(email.asString())
        || !MockPortal.USER_PASSWORD.equals(password.asString())) {
      ObjectNode error = PortalData.JSON.createObjectNode();
      error.put("error", "Invalid credentials");
      error.put("message", "Email or password is incorrect");
      error.put("statusCode", 401);
      return PortalStubs.json(401, error).build();
    }
    ObjectNode result = (ObjectNode) PortalData.requireJson("auth", "login").deepCopy();
    result.put("accessToken", issue("mock_session_"));
    String refreshToken = "mock_rt_" + UUID.randomUUID().toString().replace("-", "");
    refreshTokens.add(refreshToken);
    return PortalStubs.json(200, result)
        .withHeader("Set-Cookie", refreshCookie(refreshToken))
        .build();
  }

  private ResponseDefinition refresh(Request request) {
    Cookie cookie = request.getCookies().get("refreshToken");
    String presented = cookie == null ? null : cookie.getValue();
    if (presented == null || !refreshTokens.remove(presented)) {
      ObjectNode error = PortalData.JSON.createObjectNode();
      error.put("error", "Unauthorized");
      error.put("message", "Refresh token is missing, expired or revoked");
      error.put("statusCode", 401);
      return PortalStubs.json(401, error).build();
    }
    String rotated = "mock_rt_" + UUID.randomUUID().toString().replace("-", "");
    refreshTokens.add(rotated);
    ObjectNode result = (ObjectNode) PortalData.requireJson("auth", "refresh").deepCopy();
    result.put("accessToken", issue("mock_session_"));
    return PortalStubs.json(200, result).withHeader("Set-Cookie", refreshCookie(rotated)).build();
  }

  private static String refreshCookie(String value) {
    // The portal adds Secure; the mock speaks plain http, where a Secure cookie would not return.
    return "refreshToken=" + value + "; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=604800";
  }

  // scenarios

  /** The answer to the next request of a route, made for that route. */
  void enqueue(Function<Endpoint, ResponseDefinition> response) {
    next.add(response);
  }

  void expireTokens() {
    expired.addAll(tokens);
  }

  void rejectTokens(boolean reject) {
    this.rejectAll = reject;
  }

  void resetScenarios() {
    next.clear();
    rejectAll = false;
    expired.clear();
  }

  void acceptClient(String clientId, String clientSecret) {
    clients.put(clientId, clientSecret);
  }

  void acceptToken(String token) {
    tokens.add(token);
  }

  int tokensIssued() {
    return issued.get();
  }

  List<ContractViolation> violations() {
    return List.copyOf(violations);
  }

  void clearViolations() {
    violations.clear();
  }

  static ResponseDefinition fault() {
    return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
  }
}
