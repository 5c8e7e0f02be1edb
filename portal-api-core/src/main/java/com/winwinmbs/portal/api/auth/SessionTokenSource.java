package com.winwinmbs.portal.api.auth;

import com.winwinmbs.portal.api.AuthenticationException;
import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.RateLimitException;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.internal.SingleFlightTokenCache;
import com.winwinmbs.portal.api.tenant.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's session with the portal: the access token from {@link AuthApi#login(String, String,
 * boolean)}, the refresh cookie that came with it, and who is signed in. As a {@link TokenSource}
 * it sends the access token; when the portal rejects it (401), it refreshes through {@code POST
 * /auth/refresh} once for all concurrent callers, and each of them is sent once more. When the
 * portal refuses the refresh, the session is cleared, the {@link SessionListener} is told once, and
 * every waiting caller gets an {@link AuthenticationException}.
 *
 * <p>A client built with a session serves that session:
 *
 * <pre>{@code
 * SessionTokenSource session = SessionTokenSource.create(cause -> redirectToLogin());
 * PortalApiClient portal = PortalApiClient.builder().apiUrl(url).tokenSource(session).build();
 * portal.auth().login("admin@acme.com", password, true);
 * List<McpToken> tokens = portal.mcpToken().list();
 * }</pre>
 *
 * <p>One shared client serves many sessions through {@link AuthApi#forSession(SessionTokenSource)}
 * and {@link #requestOptions()}:
 *
 * <pre>{@code
 * SessionTokenSource session = SessionTokenSource.create(listener);
 * portal.auth().forSession(session).login(email, password, false);
 * portal.mcpToken().list(session.requestOptions());
 * }</pre>
 *
 * <p>Thread-safe. States: new (no token: requests go out without one), active, and expired (the
 * portal refused to refresh: requests that take their token from the session fail with {@link
 * AuthenticationException} without being sent, until the next login or {@link #clear()}).
 */
public final class SessionTokenSource implements TokenSource {

  private static final Logger log = LoggerFactory.getLogger(SessionTokenSource.class);

  /**
   * The guide's tokens carry no lifetime the client reads, so they are used until the portal
   * rejects one.
   */
  private static final Instant NO_EXPIRY = Instant.MAX;

  /**
   * Exchanges the session's refresh cookie for a new access token: {@link AuthApi}'s refresh call.
   */
  @FunctionalInterface
  interface Refresher {
    String refresh(SessionTokenSource session, @Nullable RequestOptions options);
  }

  private enum State {
    NEW,
    ACTIVE,
    EXPIRED
  }

  private final @Nullable SessionListener listener;
  private final CookieJar cookies;
  private final SingleFlightTokenCache cache;
  private final ThreadLocal<@Nullable RequestOptions> refreshOptions = new ThreadLocal<>();
  private final Object lock = new Object();
  private State state = State.NEW;
  private long generation;
  private @Nullable Refresher refresher;
  private @Nullable SessionUser user;
  private @Nullable Tenant tenant;
  private @Nullable AuthenticationException expiry;

  private SessionTokenSource(@Nullable SessionListener listener, Clock clock) {
    this.listener = listener;
    this.cookies = new CookieJar(clock);
    this.cache = new SingleFlightTokenCache(this::refreshOnce, Duration.ZERO, clock);
  }

  /** A new session without a listener. */
  public static SessionTokenSource create() {
    return new SessionTokenSource(null, Clock.systemUTC());
  }

  /** A new session that tells {@code listener} when it expires. */
  public static SessionTokenSource create(SessionListener listener) {
    return new SessionTokenSource(
        Objects.requireNonNull(listener, "listener == null"), Clock.systemUTC());
  }

  /** A new session whose cookies expire by {@code clock}. */
  public static SessionTokenSource create(@Nullable SessionListener listener, Clock clock) {
    return new SessionTokenSource(listener, Objects.requireNonNull(clock, "clock == null"));
  }

  /**
   * The access token; empty before the first login and after a logout. Waits while the session is
   * being refreshed.
   *
   * @throws AuthenticationException when the session expired: the portal refused to refresh it
   */
  @Override
  public Optional<String> token() {
    synchronized (lock) {
      if (state == State.NEW) {
        return Optional.empty();
      }
      if (state == State.EXPIRED) {
        throw expired();
      }
    }
    return Optional.of(cache.get());
  }

  @Override
  public boolean canRefresh() {
    return true;
  }

  /**
   * Forgets the rejected token unless a refresh already replaced it, so the next caller refreshes
   * once.
   */
  @Override
  public void invalidate(String rejectedToken) {
    cache.invalidate(rejectedToken);
  }

  /** Whether the session holds an access token (logged in and not expired or logged out). */
  public boolean isActive() {
    synchronized (lock) {
      return state == State.ACTIVE;
    }
  }

  /** Whether the session ended because the portal refused to refresh it. */
  public boolean isExpired() {
    synchronized (lock) {
      return state == State.EXPIRED;
    }
  }

  /** The signed-in user, from the login or the latest {@code me()}. */
  public Optional<SessionUser> user() {
    synchronized (lock) {
      return Optional.ofNullable(user);
    }
  }

  /** The signed-in user's tenant, from the login or the latest {@code me()}. */
  public Optional<Tenant> tenant() {
    synchronized (lock) {
      return Optional.ofNullable(tenant);
    }
  }

  /** The names of the cookies the session holds (their values are never shown). */
  public Set<String> cookieNames() {
    return cookies.names();
  }

  /**
   * Options that make a call of a shared client act for this session: its token (refreshed on 401)
   * and, as the guide advises for clients outside a browser, its tenant as {@code X-Tenant-Id}.
   */
  public RequestOptions requestOptions() {
    RequestOptions.Builder builder = RequestOptions.builder().tokenSource(this);
    tenant().map(Tenant::id).filter(id -> !id.isBlank()).ifPresent(builder::tenantId);
    return builder.build();
  }

  /**
   * Forgets the token, the cookies and the user, without calling the portal; the session is new
   * again.
   */
  public void clear() {
    synchronized (lock) {
      state = State.NEW;
      generation++;
      refresher = null;
      user = null;
      tenant = null;
      expiry = null;
      cookies.clear();
      cache.reset();
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "SessionTokenSource[state=" + state + ", cookies=" + cookies.names() + "]";
    }
  }

  CookieJar cookies() {
    return cookies;
  }

  /** Starts (or restarts) the session with a token from a login or an SSO callback. */
  void begin(
      String accessToken,
      @Nullable SessionUser user,
      @Nullable Tenant tenant,
      Refresher refresher) {
    synchronized (lock) {
      state = State.ACTIVE;
      generation++;
      this.refresher = refresher;
      this.user = user;
      this.tenant = tenant;
      this.expiry = null;
      cache.put(new SingleFlightTokenCache.Token(accessToken, NO_EXPIRY));
    }
  }

  /** Records who the token belongs to, as {@code /auth/me} reported it. */
  void profile(@Nullable SessionUser user, @Nullable Tenant tenant) {
    synchronized (lock) {
      if (state == State.ACTIVE) {
        this.user = user;
        this.tenant = tenant;
      }
    }
  }

  /** The current token without refreshing, or null when the session is not active. */
  @Nullable String currentToken() {
    synchronized (lock) {
      if (state != State.ACTIVE) {
        return null;
      }
    }
    return cache.cached().orElse(null);
  }

  /**
   * Replaces the token now, joining a refresh already under way; {@code options} apply when this
   * call sends it.
   */
  String refreshNow(@Nullable RequestOptions options) {
    synchronized (lock) {
      if (state == State.EXPIRED) {
        throw expired();
      }
      if (state == State.NEW) {
        throw new AuthenticationException(
            "there is no session to refresh: log in first [POST /auth/refresh]",
            PortalError.noResponse("POST", "/auth/refresh"),
            0,
            null);
      }
    }
    cache.cached().ifPresent(cache::invalidate);
    refreshOptions.set(options);
    try {
      return cache.get();
    } finally {
      refreshOptions.remove();
    }
  }

  /** The single-flight fetcher: runs on the one thread that refreshes for every waiting caller. */
  private SingleFlightTokenCache.Token refreshOnce() {
    Refresher current;
    long started;
    synchronized (lock) {
      if (state == State.EXPIRED) {
        throw expired();
      }
      if (state != State.ACTIVE || refresher == null) {
        throw new AuthenticationException(
            "the session was logged out while a call waited for its token; log in again [POST /auth/refresh]",
            PortalError.noResponse("POST", "/auth/refresh"),
            0,
            null);
      }
      current = refresher;
      started = generation;
    }
    String token;
    try {
      token = current.refresh(this, refreshOptions.get());
    } catch (PortalApiException e) {
      if (!isRefusal(e)) {
        throw e; // the portal could not answer (I/O, 5xx, 429): the refresh cookie may still be
        // good
      }
      AuthenticationException expired =
          new AuthenticationException(
              "the session expired: the portal refused to refresh it ("
                  + e.getMessage()
                  + "); log in again",
              e.error(),
              e.attempts(),
              e);
      if (expire(started, expired)) {
        notifyListener(expired);
      }
      throw expired;
    }
    synchronized (lock) {
      if (generation != started) {
        // a login or logout happened meanwhile: its state wins over this refresh
        String latest = state == State.ACTIVE ? cache.cached().orElse(null) : null;
        if (latest == null) {
          throw new AuthenticationException(
              "the session was logged out while it was being refreshed; log in again [POST /auth/refresh]",
              PortalError.noResponse("POST", "/auth/refresh"),
              0,
              null);
        }
        return new SingleFlightTokenCache.Token(latest, NO_EXPIRY);
      }
    }
    log.debug("Portal session refreshed");
    return new SingleFlightTokenCache.Token(token, NO_EXPIRY);
  }

  private static boolean isRefusal(PortalApiException e) {
    return e.status() >= 400 && e.status() < 500 && !(e instanceof RateLimitException);
  }

  private boolean expire(long started, AuthenticationException cause) {
    synchronized (lock) {
      if (generation != started || state != State.ACTIVE) {
        return false;
      }
      state = State.EXPIRED;
      generation++;
      refresher = null;
      user = null;
      tenant = null;
      expiry = cause;
      cookies.clear();
      cache.reset();
      return true;
    }
  }

  private void notifyListener(AuthenticationException cause) {
    log.debug("Portal session expired: the refresh was refused with status {}", cause.status());
    if (listener == null) {
      return;
    }
    try {
      listener.sessionExpired(cause);
    } catch (RuntimeException e) {
      log.warn("The session listener failed: {}", e.getClass().getName(), e);
    }
  }

  /** A new exception per caller, so no two threads share (and decorate) one instance. */
  private AuthenticationException expired() {
    AuthenticationException cause = expiry;
    PortalError error =
        cause != null ? cause.error() : PortalError.noResponse("POST", "/auth/refresh");
    return new AuthenticationException(
        "the session expired: the portal refused to refresh it; log in again (or clear() the session to call "
            + "without a token)",
        error,
        0,
        cause);
  }
}
