package com.winwinmbs.portal.api.test;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import java.net.BindException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.node.ObjectNode;

/**
 * A mock WINWIN Portal on a free local port: every route of the client answers with a small,
 * coherent dataset (users, an organization tree, roles, workflows with pending tasks, files, …),
 * {@code /oauth/token} issues tokens, every request is checked against the OpenAPI document of the
 * contract, and a test can script faults.
 *
 * <pre>{@code
 * try (MockPortal portal = MockPortal.start()) {
 *   PortalApiClient client = portal.client();       // client credentials against the mock
 *   Page<User> users = client.user().search(SearchRequest.all());
 *   portal.rateLimitNext(Duration.ofMillis(200));  // the next call gets 429 once
 *   portal.assertNoContractViolations();
 * }
 * }</pre>
 *
 * <p>Credentials: portal routes need {@code Authorization: Bearer} with a token the mock issued
 * (from {@code /oauth/token}, sign-in or refresh) or {@link #ACCESS_TOKEN}, or {@code X-API-Key:
 * }{@link #API_KEY}; otherwise they answer 401 in the error format of the route. The routes the
 * document marks public (sign-in, refresh, SSO login, tenant registration and slug check) need
 * nothing.
 */
public final class MockPortal implements AutoCloseable {

  /** The client id {@code /oauth/token} knows. */
  public static final String CLIENT_ID = "portal-mock-client";

  /** The secret of {@link #CLIENT_ID}. */
  public static final String CLIENT_SECRET = "portal-mock-secret";

  /** A token every portal route accepts without fetching one, for {@code TokenSource.of(..)}. */
  public static final String ACCESS_TOKEN = "mock-portal-static-token";

  /** An API key every portal route accepts in place of a token. */
  public static final String API_KEY = "mock-portal-api-key";

  /** The e-mail address {@code POST /auth/login} accepts (the guide's example). */
  public static final String USER_EMAIL = "admin@acme.com";

  /** The password of {@link #USER_EMAIL}. */
  public static final String USER_PASSWORD = "SecurePassword123!";

  /** The token endpoint's path. */
  public static final String TOKEN_PATH = "/oauth/token";

  private final WireMockServer server;
  private final PortalFilter filter;
  private final boolean validateRequests;
  private final int requestedPort;

  private MockPortal(Builder builder) {
    this.validateRequests = builder.validateRequests;
    this.requestedPort = builder.port;
    CompletableFuture<ContractValidator> validator =
        builder.validateRequests ? ContractValidator.shared() : null;
    this.filter =
        new PortalFilter(builder.clients, builder.requireToken, validator, builder.tokenLifetime);
    this.server =
        new WireMockServer(
            options()
                .port(builder.port)
                .bindAddress("127.0.0.1")
                .extensions(filter)
                .templatingEnabled(true)
                .globalTemplating(false));
  }

  /** Starts a mock portal with the defaults on a free port. */
  public static MockPortal start() {
    return builder().start();
  }

  /** Settings for a mock portal. */
  public static Builder builder() {
    return new Builder();
  }

  private MockPortal startServer() {
    try {
      server.start();
    } catch (RuntimeException e) {
      // Jetty has stopped what it had started; stopping the server again would fail.
      if (causedByBindException(e)) {
        throw new PortInUseException(requestedPort, e);
      }
      throw e;
    }
    PortalStubs.register(server);
    if (validateRequests) {
      ContractValidator.shared().join(); // fail at start, not at the first request
    }
    return this;
  }

  private static boolean causedByBindException(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  /** The base URL to give the client, for example {@code http://127.0.0.1:53211}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The token endpoint, {@code baseUrl() + "/oauth/token"}. */
  public String tokenEndpoint() {
    return baseUrl() + TOKEN_PATH;
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /**
   * The WireMock server, for stubs of your own: a stub you add wins over the built-in ones (same
   * priority, added later), for example {@code wireMock().stubFor(get("/users/x").willReturn(..))}.
   */
  public WireMockServer wireMock() {
    return server;
  }

  /**
   * A client builder pointed at this portal with machine-to-machine tokens from its {@code
   * /oauth/token} (client {@link #CLIENT_ID}); add settings and build.
   */
  public PortalApiClient.Builder clientBuilder() {
    return PortalApiClient.builder()
        .apiUrl(baseUrl())
        .tokenSource(
            ClientCredentialsTokenProvider.builder()
                .apiUrl(baseUrl())
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .build());
  }

  /** A client with machine-to-machine tokens from this portal. */
  public PortalApiClient client() {
    return clientBuilder().build();
  }

  // scripted scenarios: each applies to the next requests of portal routes (not /oauth/token);
  // errors come in the format of the route (the portal's envelope, or the guide's on its routes)

  /**
   * The next request gets 429 with {@code retry_after_ms} (in the body and as {@code Retry-After};
   * the guide's routes, whose format has no such field, get the header only) once; the one after
   * that is answered normally.
   */
  public MockPortal rateLimitNext(Duration retryAfter) {
    return rateLimitNext(1, retryAfter);
  }

  /** The next {@code times} requests get 429 with {@code retry_after_ms}. */
  public MockPortal rateLimitNext(int times, Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    for (int i = 0; i < times; i++) {
      filter.enqueue(endpoint -> rateLimited(endpoint, retryAfter));
    }
    return this;
  }

  private static ResponseDefinition rateLimited(Endpoint endpoint, Duration retryAfter) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("retry_after_ms", retryAfter.toMillis());
    ResponseDefinitionBuilder response =
        PortalFilter.error(endpoint, 429, "RATE_LIMIT_EXCEEDED", "Too many requests", details);
    if (endpoint.envelope()) {
      ObjectNode body =
          PortalFilter.portalError(429, "RATE_LIMIT_EXCEEDED", "Too many requests", details);
      body.put("retry_after_ms", retryAfter.toMillis());
      response = PortalStubs.json(429, body);
    }
    return response
        .withHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())))
        .withHeader("X-RateLimit-Limit", "100")
        .withHeader("X-RateLimit-Remaining", "0")
        .build();
  }

  /**
   * The next {@code times} requests get 503 in the error format of their route; then it answers
   * again.
   */
  public MockPortal unavailableNext(int times) {
    for (int i = 0; i < times; i++) {
      filter.enqueue(
          endpoint ->
              PortalFilter.error(
                      endpoint, 503, "SERVICE_UNAVAILABLE", "Service temporarily unavailable", null)
                  .build());
    }
    return this;
  }

  /** The next request's connection is reset before any response. */
  public MockPortal resetConnectionNext() {
    filter.enqueue(endpoint -> PortalFilter.fault());
    return this;
  }

  /** Every response is delayed by {@code delay} until {@link #resetScenarios()}. */
  public MockPortal slowResponses(Duration delay) {
    server.setGlobalFixedDelay((int) delay.toMillis());
    return this;
  }

  /**
   * The next request gets 400 {@code VALIDATION_ERROR} with these field errors in {@code
   * error.details} (field name to message; {@code details} on the guide's routes), as the portal
   * reports invalid input.
   */
  public MockPortal validationErrorNext(Map<String, String> fieldErrors) {
    Map<String, Object> details = new LinkedHashMap<>();
    fieldErrors.forEach(
        (field, message) -> details.put(field, List.of(Objects.requireNonNull(message))));
    filter.enqueue(
        endpoint ->
            PortalFilter.error(endpoint, 400, "VALIDATION_ERROR", "Validation failed", details)
                .build());
    return this;
  }

  /**
   * Every token valid now (issued or {@link #ACCESS_TOKEN}) is answered once with 401 {@code
   * TOKEN_EXPIRED} and then refused; tokens issued afterwards are accepted. A refreshing token
   * source recovers with one new token; a static one fails.
   */
  public MockPortal expireTokens() {
    filter.expireTokens();
    return this;
  }

  /**
   * Every bearer token is refused with 401 {@code INVALID_TOKEN} until {@link #resetScenarios()}.
   */
  public MockPortal rejectTokens() {
    filter.rejectTokens(true);
    return this;
  }

  /** Switches every scenario off: queued faults, delays, expired and rejected tokens. */
  public MockPortal resetScenarios() {
    filter.resetScenarios();
    server.setGlobalFixedDelay(0);
    return this;
  }

  /** Accepts this bearer token on portal routes as if the mock had issued it. */
  public MockPortal acceptToken(String token) {
    filter.acceptToken(Objects.requireNonNull(token, "token == null"));
    return this;
  }

  /** Lets {@code /oauth/token} issue tokens to this client too. */
  public MockPortal acceptClient(String clientId, String clientSecret) {
    filter.acceptClient(
        Objects.requireNonNull(clientId, "clientId == null"),
        Objects.requireNonNull(clientSecret, "clientSecret == null"));
    return this;
  }

  /**
   * Forgets scenarios, received requests and contract violations; keeps the stubs (yours too) and
   * the tokens issued.
   */
  public void reset() {
    resetScenarios();
    server.resetRequests();
    filter.clearViolations();
  }

  // what it received

  /** Every request received, oldest first, token requests included. */
  public List<LoggedRequest> requests() {
    return server.getAllServeEvents().stream()
        .map(event -> (LoggedRequest) event.getRequest())
        .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
        .toList();
  }

  /** The requests received for one route of the catalog. */
  public List<LoggedRequest> requests(Endpoint endpoint) {
    return requests().stream()
        .filter(
            r ->
                PortalFilter.route(
                        r.getMethod().getName(), java.net.URI.create(r.getUrl()).getRawPath())
                    .filter(endpoint::equals)
                    .isPresent())
        .toList();
  }

  /** Fails unless at least one received request matches. */
  public void verify(RequestPatternBuilder pattern) {
    server.verify(pattern);
  }

  /** Fails unless exactly {@code count} received requests match. */
  public void verify(int count, RequestPatternBuilder pattern) {
    server.verify(count, pattern);
  }

  /** How many tokens {@code /oauth/token}, sign-in and refresh have issued. */
  public int tokensIssued() {
    return filter.tokensIssued();
  }

  /** The received requests that broke the contract (each was answered 400 CONTRACT_VIOLATION). */
  public List<ContractViolation> contractViolations() {
    return filter.violations();
  }

  /** Throws {@link AssertionError} naming every broken rule when any request broke the contract. */
  public void assertNoContractViolations() {
    List<ContractViolation> violations = contractViolations();
    if (!violations.isEmpty()) {
      StringBuilder message =
          new StringBuilder(violations.size() + " request(s) broke the portal contract:");
      violations.forEach(v -> message.append("\n  ").append(v));
      throw new AssertionError(message.toString());
    }
  }

  /** Stops the server. */
  public void stop() {
    server.stop();
  }

  /** Stops the server. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "MockPortal[" + (server.isRunning() ? baseUrl() : "stopped") + "]";
  }

  /** Settings of a {@link MockPortal}. */
  public static final class Builder {

    private int port;
    private boolean requireToken = true;
    private boolean validateRequests = true;
    private Duration tokenLifetime = Duration.ofHours(1);
    private final Map<String, String> clients = new LinkedHashMap<>();

    private Builder() {
      clients.put(CLIENT_ID, CLIENT_SECRET);
    }

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** Whether portal routes refuse requests without a known token or API key (default true). */
    public Builder requireToken(boolean requireToken) {
      this.requireToken = requireToken;
      return this;
    }

    /** Whether requests are checked against the OpenAPI document (default true). */
    public Builder validateRequests(boolean validateRequests) {
      this.validateRequests = validateRequests;
      return this;
    }

    /** The {@code expires_in} of the tokens {@code /oauth/token} issues (default one hour). */
    public Builder tokenLifetime(Duration tokenLifetime) {
      this.tokenLifetime = Objects.requireNonNull(tokenLifetime, "tokenLifetime == null");
      return this;
    }

    /** Another client {@code /oauth/token} accepts. */
    public Builder client(String clientId, String clientSecret) {
      clients.put(
          Objects.requireNonNull(clientId, "clientId == null"),
          Objects.requireNonNull(clientSecret, "clientSecret == null"));
      return this;
    }

    /**
     * Starts the mock portal.
     *
     * @throws PortInUseException when the port set with {@link #port(int)} is taken
     */
    public MockPortal start() {
      return new MockPortal(this).startServer();
    }
  }
}
