package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.RateLimit;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.observation.PortalObservationContext;
import io.micrometer.observation.Observation;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of one logical call while it passes the links of the request path: what was asked
 * (route, options, the secrets its body carries), its bounds (deadline, attempt timeout, body
 * size), and what happened so far (attempts, a refresh, the headers last sent, why a failure was
 * not retried). One call, one thread at a time.
 */
final class Exchange {

  private static final ThreadLocal<@Nullable Exchange> CURRENT = new ThreadLocal<>();

  final Endpoint endpoint;
  final String path;
  final RequestOptions options;
  final List<String> secrets;
  final boolean idempotent;
  final boolean replayable;
  final boolean streaming;
  final @Nullable TokenSource tokenSource;
  final @Nullable CookieStore cookies;
  final Duration timeout;
  final long maxResponseSize;
  private final long deadline; // System.nanoTime() based; Long.MAX_VALUE for none
  private long tokenDeadline = Long.MAX_VALUE;
  private final @Nullable Observation observation;
  private final @Nullable PortalObservationContext context;

  private int attempts;
  private int status;
  private @Nullable String requestId;
  private boolean refreshed;
  private @Nullable String note;
  private @Nullable Headers sent;
  private @Nullable RateLimit rateLimit;

  Exchange(
      Endpoint endpoint,
      String path,
      RequestOptions options,
      List<String> secrets,
      boolean replayable,
      boolean streaming,
      @Nullable TokenSource tokenSource,
      @Nullable CookieStore cookies,
      Duration timeout,
      @Nullable Duration callTimeout,
      long maxResponseSize,
      @Nullable Observation observation,
      @Nullable PortalObservationContext context) {
    this.endpoint = endpoint;
    this.path = path;
    this.options = options;
    this.secrets = secrets;
    this.idempotent = endpoint.idempotent() || options.idempotencyKey().isPresent();
    this.replayable = replayable;
    this.streaming = streaming;
    this.tokenSource = tokenSource;
    this.cookies = cookies;
    this.timeout = timeout;
    this.maxResponseSize = maxResponseSize;
    // a call made while another waits for its token (a session's refresh) ends by that wait's end
    Exchange outer = CURRENT.get();
    long own = callTimeout == null ? Long.MAX_VALUE : deadlineOf(callTimeout);
    this.deadline = outer == null ? own : Math.min(own, outer.tokenDeadline);
    this.observation = observation;
    this.context = context;
  }

  private static long deadlineOf(Duration callTimeout) {
    long now = System.nanoTime();
    long nanos =
        callTimeout.compareTo(Duration.ofDays(365)) > 0
            ? Long.MAX_VALUE / 4
            : callTimeout.toNanos();
    return now + nanos;
  }

  /** The call running on this thread, if any: token sources report their fetches to it. */
  static @Nullable Exchange current() {
    return CURRENT.get();
  }

  /**
   * Starts the wait for this attempt's token: it may take as long as an attempt, and no longer than
   * what is left of the call.
   */
  void startTokenWait() {
    long now = System.nanoTime();
    long byTimeout = now + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
    tokenDeadline = Math.min(deadline, byTimeout);
  }

  /**
   * Nanoseconds left for the token the current call of this thread waits for (negative once
   * passed); MAX_VALUE when no call waits.
   */
  static long tokenNanosLeft() {
    Exchange current = CURRENT.get();
    return current == null || current.tokenDeadline == Long.MAX_VALUE
        ? Long.MAX_VALUE
        : current.tokenDeadline - System.nanoTime();
  }

  /** Makes this the current call of this thread; the returned one is to be restored after. */
  @Nullable Exchange enter() {
    Exchange outer = CURRENT.get();
    CURRENT.set(this);
    return outer;
  }

  static void restore(@Nullable Exchange outer) {
    // set, not remove: the thread keeps an entry holding null, and the next call on it finds its
    // slot instead of removing and adding it again (what remove() costs on every call)
    CURRENT.set(outer);
  }

  String method() {
    return endpoint.method().name();
  }

  /** Whether the call has a deadline of its own. */
  boolean hasDeadline() {
    return deadline != Long.MAX_VALUE;
  }

  /** Nanoseconds left before the call's deadline (negative once passed); MAX_VALUE without one. */
  long remainingNanos() {
    return hasDeadline() ? deadline - System.nanoTime() : Long.MAX_VALUE;
  }

  /** The time left before the call's deadline, if it has one (zero once passed). */
  @Nullable Duration remaining() {
    return hasDeadline() ? Duration.ofNanos(Math.max(0, remainingNanos())) : null;
  }

  /** How long the next attempt may take: its timeout, or what is left of the call if less. */
  Duration attemptTimeout() {
    long remaining = remainingNanos();
    return remaining < timeout.toNanos() ? Duration.ofNanos(Math.max(1, remaining)) : timeout;
  }

  /** Whether the call's deadline, rather than the attempt's timeout, bounds the next attempt. */
  boolean deadlineBoundsAttempt() {
    return remainingNanos() < timeout.toNanos();
  }

  int attempts() {
    return attempts;
  }

  /** Records that a request goes out now; what the previous one received no longer applies. */
  void attemptSent(Headers headers) {
    attempts++;
    status = 0;
    requestId = null;
    sent = headers;
    if (context != null) {
      context.setAttempts(attempts);
      context.setResponse(null);
      context.setRequestId(null);
    }
  }

  /** Records the status and request id of the response that came back. */
  void answered(int status, @Nullable String requestId) {
    this.status = status;
    this.requestId = requestId;
    if (context != null) {
      context.setResponse(status);
      context.setRequestId(requestId);
    }
  }

  /** The status of the latest response, 0 while the attempt under way has none. */
  int status() {
    return status;
  }

  /** The portal's request id of the latest response, if it sent one. */
  @Nullable String requestId() {
    return requestId;
  }

  /** The headers of the request sent last, credentials included: what an echo must not show. */
  @Nullable Headers sent() {
    return sent;
  }

  boolean refreshed() {
    return refreshed;
  }

  void markRefreshed() {
    refreshed = true;
  }

  /** Why the failure that ends the call was not retried, for its message; null when not that. */
  @Nullable String note() {
    return note;
  }

  void note(@Nullable String note) {
    this.note = note;
  }

  @Nullable RateLimit rateLimit() {
    return rateLimit;
  }

  void rateLimit(@Nullable RateLimit rateLimit) {
    this.rateLimit = rateLimit;
  }

  /** Adds an event (a retry, a token refresh or fetch) to the call's observation. */
  void event(Observation.Event event) {
    if (observation != null) {
      observation.event(event);
    }
  }
}
