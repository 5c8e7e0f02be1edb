package com.winwinmbs.portal.api;

import com.winwinmbs.portal.api.auth.AuthApi;
import com.winwinmbs.portal.api.email.EmailApi;
import com.winwinmbs.portal.api.eventlog.EventLogApi;
import com.winwinmbs.portal.api.files.FilesApi;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.http.JdkHttpTransport;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.internal.ClientSettings;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.internal.Urls;
import com.winwinmbs.portal.api.internal.Version;
import com.winwinmbs.portal.api.internal.namespaces.DefaultAuthApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultEmailApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultEventLogApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultFilesApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultHealthApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultLineApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultMcpTokenApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultOrganizationApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultOtpApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultPermissionApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultPermissionCategoryApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultRoleApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultSystemConfigApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultTenantApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultTodoApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultUserApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultWebhookApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultWorkflowApi;
import com.winwinmbs.portal.api.line.LineApi;
import com.winwinmbs.portal.api.mcptoken.McpTokenApi;
import com.winwinmbs.portal.api.observation.PortalObservationConvention;
import com.winwinmbs.portal.api.organization.OrganizationApi;
import com.winwinmbs.portal.api.otp.OtpApi;
import com.winwinmbs.portal.api.permission.PermissionApi;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategoryApi;
import com.winwinmbs.portal.api.role.RoleApi;
import com.winwinmbs.portal.api.systemconfig.SystemConfigApi;
import com.winwinmbs.portal.api.tenant.TenantApi;
import com.winwinmbs.portal.api.todo.TodoApi;
import com.winwinmbs.portal.api.user.UserApi;
import com.winwinmbs.portal.api.webhook.WebhookApi;
import com.winwinmbs.portal.api.workflow.WorkflowApi;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Client for the WINWIN Portal API: one accessor per namespace, every call through one request
 * pipeline. Immutable and thread-safe: build one and share it.
 *
 * <pre>{@code
 * PortalApiClient portal = PortalApiClient.builder()
 *     .apiUrl("https://api.winwinmbs.com")
 *     .tokenSource(TokenSource.of(System.getenv("PORTAL_SERVICE_TOKEN")))
 *     .apiKey(System.getenv("PORTAL_API_KEY"))
 *     .build();
 * HealthStatus health = portal.health().check();
 * }</pre>
 */
public final class PortalApiClient {

  /** The default {@link Builder#maxResponseSize}: 16 MiB, generous for a page of real data. */
  public static final long DEFAULT_MAX_RESPONSE_SIZE = 16L * 1024 * 1024;

  private final Builder source;
  private final RequestExecutor executor;
  private final HealthApi health;
  private final UserApi user;
  private final OrganizationApi organization;
  private final RoleApi role;
  private final PermissionApi permission;
  private final PermissionCategoryApi permissionCategory;
  private final WorkflowApi workflow;
  private final TodoApi todo;
  // files, email, otp, line, webhook, systemConfig, eventLog
  private final FilesApi files;
  private final EmailApi email;
  private final OtpApi otp;
  private final LineApi line;
  private final WebhookApi webhook;
  private final SystemConfigApi systemConfig;
  private final EventLogApi eventLog;
  // the integration guide's namespaces
  private final AuthApi auth;
  private final TenantApi tenant;
  private final McpTokenApi mcpToken;

  private PortalApiClient(Builder builder, ClientSettings settings) {
    this.source = builder.copy();
    this.executor = new RequestExecutor(settings);
    this.health = new DefaultHealthApi(executor);
    this.user = new DefaultUserApi(executor);
    this.organization = new DefaultOrganizationApi(executor);
    this.role = new DefaultRoleApi(executor);
    this.permission = new DefaultPermissionApi(executor);
    this.permissionCategory = new DefaultPermissionCategoryApi(executor);
    this.workflow = new DefaultWorkflowApi(executor);
    this.todo = new DefaultTodoApi(executor);
    this.files = new DefaultFilesApi(executor);
    this.email = new DefaultEmailApi(executor);
    this.otp = new DefaultOtpApi(executor);
    this.line = new DefaultLineApi(executor);
    this.webhook = new DefaultWebhookApi(executor);
    this.systemConfig = new DefaultSystemConfigApi(executor);
    this.eventLog = new DefaultEventLogApi(executor);
    this.auth = new DefaultAuthApi(executor);
    this.tenant = new DefaultTenantApi(executor);
    this.mcpToken = new DefaultMcpTokenApi(executor);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this client's settings, to derive a variant. */
  public Builder toBuilder() {
    return source.copy();
  }

  /** The request path of this client, for the core's own tests in this package. */
  RequestExecutor executor() {
    return executor;
  }

  /** The base URL every route is relative to, without a trailing slash. */
  public String baseUrl() {
    return executor.settings().baseUrl();
  }

  /** The rate-limit state of the most recent response that reported one. */
  public Optional<RateLimit> lastRateLimit() {
    return executor.lastRateLimit();
  }

  /**
   * Calls a route the client does not model yet, with everything a modelled route gets: the token
   * (refreshed once on 401), the API key and tenant, retries (a {@code GET}, {@code PUT} or {@code
   * DELETE}, or a call with an {@code Idempotency-Key} or marked {@linkplain
   * RawRequest.Builder#idempotent idempotent}), rate limits, the observation (namespace {@code
   * raw}, operation {@code request}, {@code uri} the template) and redaction. A status other than
   * 2xx throws the exception it calls for, as any route does.
   *
   * <pre>{@code
   * RawResponse response = portal.rawRequest(RawRequest.get("/reports/{id}")
   *     .pathVariable("id", reportId)
   *     .query("format", "summary")
   *     .build());
   * Report report = response.as(Report.class);
   * }</pre>
   */
  public RawResponse rawRequest(RawRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.send(
        request.toCall(), response -> RawResponse.read(request.endpoint(), response), false);
  }

  /** {@code /health}: the portal's health check. */
  public HealthApi health() {
    return health;
  }

  /** {@code /users}: user accounts, their roles and positions. */
  public UserApi user() {
    return user;
  }

  /** {@code /organizations}: the organization tree. */
  public OrganizationApi organization() {
    return organization;
  }

  /** {@code /roles}: roles and the permissions they grant. */
  public RoleApi role() {
    return role;
  }

  /** {@code /permissions}: permissions. */
  public PermissionApi permission() {
    return permission;
  }

  /** {@code /permission-categories}: the tree that groups permissions. */
  public PermissionCategoryApi permissionCategory() {
    return permissionCategory;
  }

  /** {@code /workflows}: workflows, their instances and approval tasks. */
  public WorkflowApi workflow() {
    return workflow;
  }

  /** {@code /todos}: todos. */
  public TodoApi todo() {
    return todo;
  }

  /** {@code /files/*}: streamed upload and download, metadata, deletion. */
  public FilesApi files() {
    return files;
  }

  /** {@code /emails/*}: send, templates, delivery history. */
  public EmailApi email() {
    return email;
  }

  /** {@code /otp/*}: one-time passwords. */
  public OtpApi otp() {
    return otp;
  }

  /** {@code /line/*}: LINE account links and notifications. */
  public LineApi line() {
    return line;
  }

  /** {@code /webhooks/*}: webhook subscriptions. */
  public WebhookApi webhook() {
    return webhook;
  }

  /** {@code /system-configs/*}: the portal's settings. */
  public SystemConfigApi systemConfig() {
    return systemConfig;
  }

  /** {@code /event-logs/*}: the audit trail. */
  public EventLogApi eventLog() {
    return eventLog;
  }

  /** {@code /auth}: login, refresh, logout, the current user and SSO, for the client's session. */
  public AuthApi auth() {
    return auth;
  }

  /** {@code /tenants}: sign-up, slug checks and the tenant's SSO configuration. */
  public TenantApi tenant() {
    return tenant;
  }

  /** {@code /mcp/tokens}: machine tokens for MCP agents and their audit logs. */
  public McpTokenApi mcpToken() {
    return mcpToken;
  }

  @Override
  public String toString() {
    return "PortalApiClient[" + executor.settings() + "]";
  }

  /** Builds a {@link PortalApiClient}. Only {@link #apiUrl(String)} is required. */
  public static final class Builder {
    private @Nullable String apiUrl;
    private String guideBasePath = "";
    private @Nullable TokenSource tokenSource;
    private @Nullable String apiKey;
    private @Nullable String tenantId;
    private Duration timeout = Duration.ofSeconds(30);
    private @Nullable Duration callTimeout;
    private long maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private List<PortalInterceptor> interceptors = new ArrayList<>();
    private @Nullable PortalTransport transport;
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
    private @Nullable PortalObservationConvention observationConvention;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private @Nullable String userAgentSuffix;
    private boolean allowInsecureHttp;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    /**
     * The portal's base URL, for example {@code https://api.winwinmbs.com}; a trailing slash is
     * dropped.
     */
    public Builder apiUrl(String apiUrl) {
      Objects.requireNonNull(apiUrl, "apiUrl == null");
      this.apiUrl = Urls.normalizeBaseUrl(apiUrl, "apiUrl"); // fail where the mistake is made
      return this;
    }

    /**
     * The path prefix of the integration guide's routes (sessions {@code /auth/*}, tenants, MCP
     * tokens), for a deployment that serves them apart from the portal's routes, for example {@code
     * /api} as the guide documents them; none by default, so they sit at the base URL as the
     * TypeScript client's routes do.
     */
    public Builder guideBasePath(String guideBasePath) {
      this.guideBasePath = Urls.normalizePathPrefix(guideBasePath, "guideBasePath");
      return this;
    }

    /** Where bearer tokens come from; none by default. */
    public Builder tokenSource(@Nullable TokenSource tokenSource) {
      this.tokenSource = tokenSource;
      return this;
    }

    /** The application's API key, sent as {@code X-API-Key}; a CR, LF or NUL in it is refused. */
    public Builder apiKey(@Nullable String apiKey) {
      this.apiKey = headerValue(apiKey, "apiKey");
      return this;
    }

    /** The tenant, sent as {@code X-Tenant-Id}; a CR, LF or NUL in it is refused. */
    public Builder tenantId(@Nullable String tenantId) {
      this.tenantId = headerValue(tenantId, "tenantId");
      return this;
    }

    /**
     * How long each attempt waits for the whole response, headers and body (a streamed download:
     * its headers); 30 s by default.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * How long a whole call may take: getting its token, every attempt and every wait between them
     * (okhttp's {@code callTimeout}); none by default, so each attempt is bounded by {@link
     * #timeout} and the waits by the retry policy.
     */
    public Builder callTimeout(@Nullable Duration callTimeout) {
      this.callTimeout = callTimeout == null ? null : positive(callTimeout, "callTimeout");
      return this;
    }

    /**
     * The largest JSON response body read into memory, in bytes; 16 MiB by default. A larger answer
     * fails the call (code {@code RESPONSE_TOO_LARGE}) without being read; streamed downloads are
     * not limited.
     */
    public Builder maxResponseSize(long bytes) {
      if (bytes <= 0 || bytes > RequestOptions.MAX_RESPONSE_SIZE) {
        throw new IllegalArgumentException(
            "maxResponseSize must be between 1 and "
                + RequestOptions.MAX_RESPONSE_SIZE
                + " bytes: "
                + bytes);
      }
      this.maxResponseSize = bytes;
      return this;
    }

    /**
     * Adds an interceptor; interceptors run in the order added, each at its {@linkplain
     * PortalInterceptor#position() position}.
     */
    public Builder addInterceptor(PortalInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
      return this;
    }

    /** The interceptors added so far, in order; the list can be changed. */
    public List<PortalInterceptor> interceptors() {
      return interceptors;
    }

    /**
     * How long opening a connection may take; 10 s by default. Ignored with a caller's transport.
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** The HTTP transport; the JDK {@code HttpClient} by default. */
    public Builder transport(@Nullable PortalTransport transport) {
      this.transport = transport;
      return this;
    }

    /** Where {@code portal.api.client.requests} observations go; none by default. */
    public Builder observationRegistry(ObservationRegistry observationRegistry) {
      this.observationRegistry =
          Objects.requireNonNull(observationRegistry, "observationRegistry == null");
      return this;
    }

    /** A convention replacing the default names and tags of the observation. */
    public Builder observationConvention(
        @Nullable PortalObservationConvention observationConvention) {
      this.observationConvention = observationConvention;
      return this;
    }

    /** How failed attempts are retried; {@link RetryPolicy#DEFAULT} by default. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Attempts in all, the first included; shorthand for {@code
     * retryPolicy(policy.withMaxAttempts(n))}.
     */
    public Builder maxAttempts(int maxAttempts) {
      this.retryPolicy = retryPolicy.withMaxAttempts(maxAttempts);
      return this;
    }

    /**
     * Appended to the {@code User-Agent}, for example {@code billing-service/1.4}; a CR, LF or NUL
     * is refused.
     */
    public Builder userAgent(@Nullable String suffix) {
      this.userAgentSuffix = headerValue(suffix, "userAgent");
      return this;
    }

    /**
     * Whether tokens and API keys may be sent over plain http to a host that is not loopback. Off
     * by default: building such a client fails.
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /** The clock that rate-limit dates are compared with. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** What waits between attempts; replace it in tests so they do not sleep. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * @throws IllegalStateException when {@code apiUrl} is not set
     * @throws IllegalArgumentException when a setting is invalid; the message says which and why
     */
    public PortalApiClient build() {
      if (apiUrl == null) {
        throw new IllegalStateException(
            "apiUrl is required: call apiUrl(\"https://...\") with the portal's base URL");
      }
      String baseUrl = apiUrl;
      if (tokenSource != null || apiKey != null) {
        Urls.requireSecure(URI.create(baseUrl), "apiUrl", "tokens and API keys", allowInsecureHttp);
      }
      for (int i = 0; i < interceptors.size(); i++) {
        Objects.requireNonNull(interceptors.get(i), "interceptors[" + i + "] == null");
      }
      String userAgent =
          Version.userAgent() + (userAgentSuffix == null ? "" : " " + userAgentSuffix);
      PortalTransport chosen =
          transport != null ? transport : JdkHttpTransport.create(connectTimeout);
      ClientSettings settings =
          new ClientSettings(
              baseUrl,
              guideBasePath,
              tokenSource,
              apiKey,
              tenantId,
              timeout,
              callTimeout,
              maxResponseSize,
              chosen,
              interceptors,
              retryPolicy,
              observationRegistry,
              observationConvention,
              userAgent,
              allowInsecureHttp,
              clock,
              sleeper);
      return new PortalApiClient(this, settings);
    }

    Builder copy() {
      Builder copy = new Builder();
      copy.apiUrl = apiUrl;
      copy.guideBasePath = guideBasePath;
      copy.tokenSource = tokenSource;
      copy.apiKey = apiKey;
      copy.tenantId = tenantId;
      copy.timeout = timeout;
      copy.callTimeout = callTimeout;
      copy.maxResponseSize = maxResponseSize;
      copy.connectTimeout = connectTimeout;
      copy.interceptors = new ArrayList<>(interceptors);
      copy.transport = transport;
      copy.observationRegistry = observationRegistry;
      copy.observationConvention = observationConvention;
      copy.retryPolicy = retryPolicy;
      copy.userAgentSuffix = userAgentSuffix;
      copy.allowInsecureHttp = allowInsecureHttp;
      copy.clock = clock;
      copy.sleeper = sleeper;
      return copy;
    }

    @Override
    public String toString() {
      return "PortalApiClient.Builder[apiUrl="
          + (apiUrl == null ? null : Urls.redactUserInfo(apiUrl))
          + ", apiKey="
          + (apiKey == null ? "none" : "[REDACTED]")
          + ", tenantId="
          + tenantId
          + "]";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
      return value == null || value.isBlank() ? null : value;
    }

    /**
     * A value sent as a header, checked when set rather than on the first call: a CR or LF could
     * inject headers. The value is never echoed, it may be a credential.
     */
    private static @Nullable String headerValue(@Nullable String value, String name) {
      String checked = blankToNull(value);
      if (checked != null) {
        for (int i = 0; i < checked.length(); i++) {
          char c = checked.charAt(i);
          if (c == '\r' || c == '\n' || c == 0) {
            throw new IllegalArgumentException(
                name
                    + " holds a CR, LF or NUL character (index "
                    + i
                    + "); it is sent as a header and would break it");
          }
        }
      }
      return checked;
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " == null");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
