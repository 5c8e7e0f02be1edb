package com.winwinmbs.portal.api.oauth;

import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.TokenException;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.http.JdkHttpTransport;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.internal.SingleFlightTokenCache;
import com.winwinmbs.portal.api.internal.TokenExchange;
import com.winwinmbs.portal.api.internal.Urls;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Machine-to-machine tokens with the OAuth 2.0 {@code client_credentials} grant: the Java form of
 * the TypeScript client's {@code ClientCredentialsTokenProvider} (2.0.0), behaviour for behaviour.
 *
 * <ul>
 *   <li>POSTs {@code {grant_type, client_id, client_secret, scope?}} as JSON to {@code
 *       {apiUrl}/oauth/token} (or {@code tokenEndpoint}), with JSON {@code Accept} and {@code
 *       Content-Type}; {@link TokenRequestFormat#FORM} speaks RFC 6749 to standard servers instead.
 *   <li>Caches the token until {@code expires_in} (3600 when absent) minus {@code refreshSkew} (60
 *       s).
 *   <li>Concurrent callers share one in-flight request; a failed request is not cached.
 *   <li>Failures are {@link TokenException}s carrying the HTTP status and the response's detail.
 *   <li>The client secret never appears in {@code toString()}, logs or messages.
 * </ul>
 *
 * <pre>{@code
 * ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.builder()
 *     .apiUrl("https://portal.example.com")
 *     .clientId("app_...")
 *     .clientSecret(System.getenv("PORTAL_CLIENT_SECRET"))
 *     .scope("applications:read")
 *     .build();
 * PortalApiClient portal = PortalApiClient.builder()
 *     .apiUrl("https://portal.example.com")
 *     .tokenSource(tokens)
 *     .build();
 * }</pre>
 */
public final class ClientCredentialsTokenProvider implements TokenSource {

  private static final Logger log = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);

  /** The largest token answer read: a token response is a few hundred bytes. */
  private static final long MAX_BODY = 1024 * 1024;

  private final URI tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final @Nullable String scope;
  private final Duration refreshSkew;
  private final TokenRequestFormat format;
  private final TokenExchange exchange;
  private final Duration timeout;
  private final Clock clock;
  private final SingleFlightTokenCache cache;
  private final List<String> secretForms;

  private ClientCredentialsTokenProvider(Builder builder) {
    if (isBlank(builder.clientId) || isBlank(builder.clientSecret)) {
      throw new IllegalArgumentException(
          "ClientCredentialsTokenProvider requires clientId and clientSecret");
    }
    if (builder.tokenEndpoint != null) {
      this.tokenEndpoint = Urls.absoluteHttpUrl(builder.tokenEndpoint, "tokenEndpoint");
    } else if (builder.apiUrl != null) {
      this.tokenEndpoint =
          URI.create(Urls.normalizeBaseUrl(builder.apiUrl, "apiUrl") + "/oauth/token");
    } else {
      throw new IllegalArgumentException(
          "ClientCredentialsTokenProvider requires apiUrl (or tokenEndpoint)");
    }
    Urls.requireSecure(
        tokenEndpoint, "the token endpoint", "the client secret", builder.allowInsecureHttp);
    this.clientId = builder.clientId;
    this.clientSecret = builder.clientSecret;
    this.scope = isBlank(builder.scope) ? null : builder.scope;
    this.refreshSkew = builder.refreshSkew;
    this.format = builder.format;
    this.timeout = builder.timeout;
    this.exchange =
        new TokenExchange(
            builder.transport != null
                ? builder.transport
                : JdkHttpTransport.create(builder.timeout));
    this.clock = builder.clock;
    this.cache = new SingleFlightTokenCache(this::fetchToken, refreshSkew, clock);
    String json = PortalJson.MAPPER.writeValueAsString(clientSecret);
    List<String> forms =
        new ArrayList<>(
            new LinkedHashSet<>(
                List.of(
                    TokenRequest.basicCredentials(clientId, clientSecret),
                    clientSecret,
                    json.substring(1, json.length() - 1),
                    TokenRequest.formEncode(clientSecret))));
    forms.sort(Comparator.comparingInt(String::length).reversed()); // no part of a longer one left
    this.secretForms = List.copyOf(forms);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A valid access token, fetching or refreshing it as needed (TypeScript: {@code
   * getAccessToken()}). Safe to call on every request; concurrent calls share one fetch.
   *
   * @throws TokenException when the token endpoint refused, failed or answered no token
   */
  public String accessToken() {
    return cache.get();
  }

  /**
   * The last cached token without fetching; it may be stale (TypeScript: {@code getCachedToken()}).
   */
  public Optional<String> cachedToken() {
    return cache.cached();
  }

  /** Forgets the cached token so the next call fetches a fresh one. */
  public void reset() {
    cache.reset();
  }

  @Override
  public Optional<String> token() {
    return Optional.of(accessToken());
  }

  @Override
  public boolean canRefresh() {
    return true;
  }

  @Override
  public void invalidate(String rejectedToken) {
    cache.invalidate(rejectedToken);
  }

  /** The token endpoint this provider calls. */
  public URI tokenEndpoint() {
    return tokenEndpoint;
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokenProvider[tokenEndpoint="
        + tokenEndpoint
        + ", clientId="
        + clientId
        + ", scope="
        + scope
        + ", format="
        + format
        + ", clientSecret=[REDACTED]]";
  }

  private SingleFlightTokenCache.Token fetchToken() {
    TransportRequest request =
        TokenRequest.of(format, tokenEndpoint, clientId, clientSecret, scope, timeout);
    long started = System.nanoTime();
    TransportResponse.Buffered response;
    try {
      // every caller waits for this fetch: the request path bounds its time and its size
      response = exchange.send(request, secretForms, MAX_BODY);
    } catch (TokenExchange.Failed e) {
      if (e.failure().kind() == TransportException.Kind.INTERRUPTED) {
        throw e.failure(); // the caller was interrupted: no failure of the token endpoint
      }
      throw new TokenException(
          "client_credentials token request to " + tokenEndpoint + " failed: " + e.getMessage(),
          e.status(),
          e.failure());
    } catch (PortalApiException e) { // RESPONSE_TOO_LARGE
      Object declared = e.details().get("declared");
      throw new TokenException(
          "client_credentials token response of "
              + tokenEndpoint
              + " (HTTP "
              + e.status()
              + ") is too large: "
              + (declared != null
                  ? declared + " bytes announced by Content-Length"
                  : "more than " + MAX_BODY + " bytes")
              + "; it was not read",
          e.status(),
          null);
    }
    TokenResponse token =
        TokenResponse.read(response.status(), response.bytes(), tokenEndpoint, secretForms);
    log.debug(
        "client_credentials token fetched from {} in {} ms, expires in {} s",
        tokenEndpoint,
        (System.nanoTime() - started) / 1_000_000,
        token.expiresIn());
    TokenExchange.reportFetch();
    return new SingleFlightTokenCache.Token(token.accessToken(), expiresAt(token.expiresIn()));
  }

  /**
   * When the token expires; an {@code expires_in} beyond what an {@link Instant} holds never
   * expires (as in the TypeScript client's arithmetic) instead of failing the fetch.
   */
  private Instant expiresAt(long expiresIn) {
    Instant now = clock.instant();
    try {
      return now.plusSeconds(expiresIn);
    } catch (ArithmeticException | DateTimeException e) {
      return expiresIn > 0 ? Instant.MAX : now;
    }
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  /**
   * Builds a {@link ClientCredentialsTokenProvider}; {@code clientId}, {@code clientSecret} and a
   * URL are required.
   */
  public static final class Builder {
    private @Nullable String apiUrl;
    private @Nullable String tokenEndpoint;
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private @Nullable String scope;
    private Duration refreshSkew = Duration.ofSeconds(60);
    private TokenRequestFormat format = TokenRequestFormat.JSON;
    private @Nullable PortalTransport transport;
    private Duration timeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private boolean allowInsecureHttp;

    private Builder() {}

    /** The portal's base URL; the token endpoint is {@code {apiUrl}/oauth/token} unless set. */
    public Builder apiUrl(String apiUrl) {
      this.apiUrl = apiUrl;
      return this;
    }

    /** Overrides the token endpoint. */
    public Builder tokenEndpoint(String tokenEndpoint) {
      this.tokenEndpoint = tokenEndpoint;
      return this;
    }

    /** The machine-to-machine client id ({@code app_...}). */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The client secret ({@code secret_...}): confidential, server-side only. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** An optional space-separated scope to down-scope the token (RFC 6749 §3.3). */
    public Builder scope(@Nullable String scope) {
      this.scope = scope;
      return this;
    }

    /**
     * How long before expiry the token is refreshed; 60 s by default (TypeScript: {@code
     * refreshSkewSeconds}, here a {@code Duration} as every time in this client).
     */
    public Builder refreshSkew(Duration refreshSkew) {
      Objects.requireNonNull(refreshSkew, "refreshSkew == null");
      if (refreshSkew.isNegative()) {
        throw new IllegalArgumentException("refreshSkew must not be negative: " + refreshSkew);
      }
      this.refreshSkew = refreshSkew;
      return this;
    }

    /** JSON (the portal's endpoint, the default) or FORM (a standard RFC 6749 server). */
    public Builder format(TokenRequestFormat format) {
      this.format = Objects.requireNonNull(format, "format == null");
      return this;
    }

    /**
     * The transport for token requests (TypeScript: {@code fetchFn}); a JDK transport by default.
     */
    public Builder transport(PortalTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport == null");
      return this;
    }

    /** The connect and response timeout of a token request; 30 s by default. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The clock expiry is measured with. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Whether the secret may be sent over plain http to a host that is not loopback. */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * @throws IllegalArgumentException when clientId or clientSecret is missing, or no valid URL is
     *     set
     */
    public ClientCredentialsTokenProvider build() {
      return new ClientCredentialsTokenProvider(this);
    }

    @Override
    public String toString() {
      return "ClientCredentialsTokenProvider.Builder[clientId="
          + clientId
          + ", clientSecret=[REDACTED]]";
    }
  }
}
