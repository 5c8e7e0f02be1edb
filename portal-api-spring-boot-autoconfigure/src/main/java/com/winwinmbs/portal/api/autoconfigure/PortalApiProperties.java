package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.oauth.TokenRequestFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the WINWIN Portal API client, under {@code portal.api}.
 *
 * <pre>{@code
 * portal:
 *   api:
 *     base-url: https://api.winwinmbs.com
 *     api-key: ${PORTAL_API_KEY}
 *     auth:
 *       mode: client-credentials
 *       registration-id: portal
 * }</pre>
 */
@ConfigurationProperties("portal.api")
public class PortalApiProperties {

  /** Base URL of the portal's API, such as https://api.winwinmbs.com. */
  private @Nullable String baseUrl;

  /** Application API key, sent as the X-API-Key header. */
  private @Nullable String apiKey;

  /** Tenant identifier, sent as the X-Tenant-Id header. */
  private @Nullable String tenantId;

  /** Time each attempt waits for a response. */
  private Duration timeout = Duration.ofSeconds(30);

  /** Time allowed to open a connection. */
  private Duration connectTimeout = Duration.ofSeconds(10);

  /** Suffix appended to the User-Agent header, such as the service's name and version. */
  private @Nullable String userAgent;

  /**
   * Time a whole call may take: its token, every attempt and every wait between them. Unset, each
   * attempt is bounded by the timeout and the waits by the retry settings.
   */
  private @Nullable Duration callTimeout;

  /** Largest JSON response body read into memory; streamed downloads are not limited. */
  private DataSize maxResponseSize = DataSize.ofMegabytes(16);

  /**
   * Path prefix of the session, tenant and MCP-token routes, such as /api where a deployment serves
   * them apart from the portal's routes.
   */
  private String guideBasePath = "";

  /** Whether credentials may be sent over plain http to a host that is not loopback. */
  private boolean allowInsecureHttp;

  /**
   * HTTP client the requests are sent with: 'jdk' for the JDK HttpClient on Spring Boot's HTTP
   * client settings, 'rest-client' for Spring's RestClient.
   */
  private PortalHttpClient httpClient = PortalHttpClient.JDK;

  /**
   * Further clients by name, each a bean qualified by its name; a setting not given for a client is
   * taken from portal.api.
   */
  private Map<String, PortalApiProperties> clients = new LinkedHashMap<>();

  private final Auth auth = new Auth();

  private final Retry retry = new Retry();

  private final Ssl ssl = new Ssl();

  public @Nullable String getBaseUrl() {
    return this.baseUrl;
  }

  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public @Nullable String getApiKey() {
    return this.apiKey;
  }

  public void setApiKey(@Nullable String apiKey) {
    this.apiKey = apiKey;
  }

  public @Nullable String getTenantId() {
    return this.tenantId;
  }

  public void setTenantId(@Nullable String tenantId) {
    this.tenantId = tenantId;
  }

  public Duration getTimeout() {
    return this.timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public Duration getConnectTimeout() {
    return this.connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public @Nullable Duration getCallTimeout() {
    return this.callTimeout;
  }

  public void setCallTimeout(@Nullable Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  public DataSize getMaxResponseSize() {
    return this.maxResponseSize;
  }

  public void setMaxResponseSize(DataSize maxResponseSize) {
    this.maxResponseSize = maxResponseSize;
  }

  public String getGuideBasePath() {
    return this.guideBasePath;
  }

  public void setGuideBasePath(String guideBasePath) {
    this.guideBasePath = guideBasePath;
  }

  public @Nullable String getUserAgent() {
    return this.userAgent;
  }

  public void setUserAgent(@Nullable String userAgent) {
    this.userAgent = userAgent;
  }

  public boolean isAllowInsecureHttp() {
    return this.allowInsecureHttp;
  }

  public void setAllowInsecureHttp(boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
  }

  public PortalHttpClient getHttpClient() {
    return this.httpClient;
  }

  public void setHttpClient(PortalHttpClient httpClient) {
    this.httpClient = httpClient;
  }

  public Map<String, PortalApiProperties> getClients() {
    return this.clients;
  }

  public void setClients(Map<String, PortalApiProperties> clients) {
    this.clients = clients;
  }

  public Auth getAuth() {
    return this.auth;
  }

  public Retry getRetry() {
    return this.retry;
  }

  public Ssl getSsl() {
    return this.ssl;
  }

  /** How the client authenticates. */
  public static class Auth {

    /**
     * Authentication mode. When not set, it is inferred: 'static' when a token is set,
     * 'client-credentials' when a registration id or client id is set, otherwise 'none'.
     */
    private @Nullable AuthMode mode;

    /** Static bearer token sent with every request. */
    private @Nullable String token;

    /**
     * Id of the Spring Security OAuth2 client registration used for machine-to-machine tokens, as
     * in spring.security.oauth2.client.registration.[id].
     */
    private @Nullable String registrationId;

    /** Client id for machine-to-machine tokens when no Spring Security registration is used. */
    private @Nullable String clientId;

    /** Client secret for machine-to-machine tokens when no Spring Security registration is used. */
    private @Nullable String clientSecret;

    /**
     * Scopes that down-scope machine-to-machine tokens when no Spring Security registration is used
     * (a registration has its own), as a list or separated by commas or spaces.
     */
    private List<String> scope = new ArrayList<>();

    /**
     * Token endpoint for machine-to-machine tokens when no Spring Security registration is used, if
     * not {base-url}/oauth/token.
     */
    private @Nullable String tokenEndpoint;

    /**
     * Format of the token request: 'json' for the portal's token endpoint, 'form' for a standard
     * RFC 6749 server. When not set, 'form' with a registration id and 'json' with a client id.
     */
    private @Nullable TokenRequestFormat tokenFormat;

    /** Time before expiry at which a cached machine-to-machine token is refreshed. */
    private Duration refreshSkew = Duration.ofSeconds(60);

    public @Nullable AuthMode getMode() {
      return this.mode;
    }

    public void setMode(@Nullable AuthMode mode) {
      this.mode = mode;
    }

    public @Nullable String getToken() {
      return this.token;
    }

    public void setToken(@Nullable String token) {
      this.token = token;
    }

    public @Nullable String getRegistrationId() {
      return this.registrationId;
    }

    public void setRegistrationId(@Nullable String registrationId) {
      this.registrationId = registrationId;
    }

    public @Nullable String getClientId() {
      return this.clientId;
    }

    public void setClientId(@Nullable String clientId) {
      this.clientId = clientId;
    }

    public @Nullable String getClientSecret() {
      return this.clientSecret;
    }

    public void setClientSecret(@Nullable String clientSecret) {
      this.clientSecret = clientSecret;
    }

    public List<String> getScope() {
      return this.scope;
    }

    public void setScope(List<String> scope) {
      this.scope = scope;
    }

    public @Nullable String getTokenEndpoint() {
      return this.tokenEndpoint;
    }

    public void setTokenEndpoint(@Nullable String tokenEndpoint) {
      this.tokenEndpoint = tokenEndpoint;
    }

    public @Nullable TokenRequestFormat getTokenFormat() {
      return this.tokenFormat;
    }

    public void setTokenFormat(@Nullable TokenRequestFormat tokenFormat) {
      this.tokenFormat = tokenFormat;
    }

    public Duration getRefreshSkew() {
      return this.refreshSkew;
    }

    public void setRefreshSkew(Duration refreshSkew) {
      this.refreshSkew = refreshSkew;
    }

    /** The mode set, or the one the other properties imply. */
    public AuthMode effectiveMode() {
      if (this.mode != null) {
        return this.mode;
      }
      if (hasText(this.token)) {
        return AuthMode.STATIC;
      }
      if (hasText(this.registrationId) || hasText(this.clientId)) {
        return AuthMode.CLIENT_CREDENTIALS;
      }
      return AuthMode.NONE;
    }

    @Override
    public String toString() {
      return "Auth[mode="
          + this.mode
          + ", token="
          + (this.token == null ? "none" : "[REDACTED]")
          + ", registrationId="
          + this.registrationId
          + ", clientId="
          + this.clientId
          + ", clientSecret="
          + (this.clientSecret == null ? "none" : "[REDACTED]")
          + ", scope="
          + this.scope
          + "]";
    }

    private static boolean hasText(@Nullable String value) {
      return value != null && !value.isBlank();
    }
  }

  /** How failed attempts are retried. */
  public static class Retry {

    /** Attempts in all, the first included; 1 turns retries off. */
    private int maxAttempts = 3;

    /** Backoff cap of the first retry, doubled on each further retry. */
    private Duration initialBackoff = Duration.ofMillis(500);

    /** Largest backoff cap. */
    private Duration maxBackoff = Duration.ofSeconds(8);

    /** Longest wait a 429 response may ask for before the call fails. */
    private Duration maxRateLimitWait = Duration.ofSeconds(60);

    public int getMaxAttempts() {
      return this.maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
      return this.initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
      return this.maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    public Duration getMaxRateLimitWait() {
      return this.maxRateLimitWait;
    }

    public void setMaxRateLimitWait(Duration maxRateLimitWait) {
      this.maxRateLimitWait = maxRateLimitWait;
    }
  }

  /** TLS settings. */
  public static class Ssl {

    /** Name of the SSL bundle (spring.ssl.bundle.*) used to connect to the portal. */
    private @Nullable String bundle;

    public @Nullable String getBundle() {
      return this.bundle;
    }

    public void setBundle(@Nullable String bundle) {
      this.bundle = bundle;
    }
  }

  @Override
  public String toString() {
    return "PortalApiProperties[baseUrl="
        + this.baseUrl
        + ", apiKey="
        + (this.apiKey == null ? "none" : "[REDACTED]")
        + ", tenantId="
        + this.tenantId
        + ", auth="
        + this.auth
        + "]";
  }
}
