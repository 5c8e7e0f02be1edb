package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.AuthenticationException;
import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.RateLimitException;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.auth.RefreshResult;
import com.winwinmbs.portal.api.auth.SessionListener;
import com.winwinmbs.portal.api.auth.SessionTokenSource;
import com.winwinmbs.portal.api.auth.SessionUser;
import com.winwinmbs.portal.api.internal.CookieStore;
import com.winwinmbs.portal.api.internal.SingleFlightTokenCache;
import com.winwinmbs.portal.api.tenant.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session behind {@link SessionTokenSource}: its access token in a single-flight cache, the
 * cookie jar for the httpOnly refresh cookie, who is signed in, and the refresher the login left.
 * Made only by {@link DefaultAuthApi}. Thread-safe.
 */
public final class DefaultSession implements SessionTokenSource {

  private static final Logger log = LoggerFactory.getLogger("com.winwinmbs.portal.api.auth");

  /**
   * The guide's tokens carry no lifetime the client reads, so they are used until the portal
   * rejects one.
   */
  private static final Instant NO_EXPIRY = Instant.MAX;

  /**
   * Exchanges the session's refresh cookie for a new access token: {@code AuthApi}'s refresh call,
   * whose answer carries a token.
   */
  @FunctionalInterface
  interface Refresher {
    RefreshResult refresh(DefaultSession session, @Nullable RequestOptions options);
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
  private @Nullable RefreshResult lastRefresh;

  DefaultSession(@Nullable SessionListener listener, Clock clock) {
    this.listener = listener;
    this.cookies = new CookieJar(clock);
    this.cache = new SingleFlightTokenCache(this::refreshOnce, Duration.ZERO, clock);
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

  @Override
  public boolean isActive() {
    synchronized (lock) {
      return state == State.ACTIVE;
    }
  }

  @Override
  public boolean isExpired() {
    synchronized (lock) {
      return state == State.EXPIRED;
    }
  }

  @Override
  public Optional<SessionUser> user() {
    synchronized (lock) {
      return Optional.ofNullable(user);
    }
  }

  @Override
  public Optional<Tenant> tenant() {
    synchronized (lock) {
      return Optional.ofNullable(tenant);
    }
  }

  @Override
  public Set<String> cookieNames() {
    return cookies.names();
  }

  @Override
  public RequestOptions requestOptions() {
    RequestOptions.Builder builder = RequestOptions.builder().tokenSource(this);
    tenant().map(Tenant::id).filter(id -> !id.isBlank()).ifPresent(builder::tenantId);
    return builder.build();
  }

  @Override
  public void clear() {
    synchronized (lock) {
      state = State.NEW;
      generation++;
      refresher = null;
      user = null;
      tenant = null;
      expiry = null;
      lastRefresh = null;
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

  CookieStore cookies() {
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
      this.lastRefresh = null;
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
   * call sends it. Returns the portal's answer that brought the token now in use.
   */
  RefreshResult refreshNow(@Nullable RequestOptions options) {
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
    String token;
    try {
      token = cache.get();
    } finally {
      refreshOptions.remove();
    }
    synchronized (lock) {
      RefreshResult answer = lastRefresh;
      return answer != null && token.equals(answer.accessToken())
          ? answer
          : new RefreshResult(token, Map.of());
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
    RefreshResult answer;
    try {
      answer = current.refresh(this, refreshOptions.get());
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
      lastRefresh = answer;
    }
    log.debug("Portal session refreshed");
    return new SingleFlightTokenCache.Token(
        Objects.requireNonNull(answer.accessToken(), "accessToken"), NO_EXPIRY);
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
      lastRefresh = null;
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
