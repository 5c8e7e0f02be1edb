package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.TokenException;
import com.winwinmbs.portal.api.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Caches one access token until shortly before it expires and lets one caller at a time fetch a new
 * one: concurrent callers wait for that fetch and share its result or its failure. A failure is not
 * cached, so the next caller tries again.
 *
 * <ul>
 *   <li>A token is refreshed {@code refreshSkew} before it expires, but never earlier than half its
 *       lifetime (as measured when it arrived): a token that lives 30 s with a 60 s skew is used
 *       for 15 s, not fetched again on every call.
 *   <li>The fetch runs on the thread of the caller that started it, its owner. When the owner is
 *       interrupted or cancelled, only the owner fails: the callers waiting for that fetch are
 *       woken and one of them fetches in its place.
 *   <li>A waiting caller that is itself interrupted stops waiting with a {@link TokenException},
 *       its interrupt flag set; the fetch goes on for the others.
 *   <li>{@link #reset()} and {@link #put(Token)} during a fetch keep that fetch's token out of the
 *       cache (the callers already waiting still get it), and later callers do not join that fetch;
 *       {@link #invalidate(String)} during a fetch keeps the rejected token out of the cache should
 *       the fetch return it again.
 * </ul>
 */
public final class SingleFlightTokenCache {

  /** A token and the instant it expires. */
  public record Token(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[[REDACTED], expiresAt=" + expiresAt + "]";
    }
  }

  /** Fetches a new token; may block. */
  @FunctionalInterface
  public interface Fetcher {
    Token fetch();
  }

  /** A cached token and the instant from which it is fetched again. */
  private record Cached(Token token, Instant refreshAt) {}

  /** One fetch: its outcome, shared by the callers that wait for it. */
  private static final class Flight {
    final CompletableFuture<Token> outcome = new CompletableFuture<>();
    final long generation;

    /** Tokens rejected while this fetch was under way. Guarded by the cache's lock. */
    final Set<String> rejected = new HashSet<>(2);

    Flight(long generation) {
      this.generation = generation;
    }
  }

  /** The outcome of a fetch whose owner stopped: the waiters take the fetch over. */
  private static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandoned() {
      super("the fetching caller was interrupted", null, false, false);
    }
  }

  private static final Abandoned ABANDONED = new Abandoned();

  private final Fetcher fetcher;
  private final Duration refreshSkew;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile @Nullable Cached current;

  /** The fetch under way, or null. Guarded by {@link #lock}. */
  private @Nullable Flight flight;

  /** Counts resets and puts; a fetch begun under another count is not cached. Guarded by lock. */
  private long generation;

  public SingleFlightTokenCache(Fetcher fetcher, Duration refreshSkew, Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher == null");
    this.refreshSkew = Objects.requireNonNull(refreshSkew, "refreshSkew == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * A token that is not due for a refresh, fetching one when needed.
   *
   * @throws TokenException when this caller is interrupted while it waits for another's fetch
   */
  public String get() {
    while (true) {
      Cached cached = current;
      if (cached != null && isFresh(cached)) {
        return cached.token().value();
      }
      Flight joined;
      boolean owner = false;
      lock.lock();
      try {
        cached = current;
        if (cached != null && isFresh(cached)) {
          return cached.token().value();
        }
        if (flight == null) {
          flight = new Flight(generation);
          owner = true;
        }
        joined = flight;
      } finally {
        lock.unlock();
      }
      if (owner) {
        return fetch(joined).value();
      }
      Token token = await(joined);
      if (token != null) {
        return token.value();
      }
      // the owner was interrupted or cancelled: this caller may be the one to fetch now
    }
  }

  /** The cached token without fetching; it may be stale. */
  public Optional<String> cached() {
    Cached cached = current;
    return cached == null ? Optional.empty() : Optional.of(cached.token().value());
  }

  /**
   * Forgets this token unless a newer one replaced it already; a fetch under way that returns it
   * again does not cache it.
   */
  public void invalidate(String rejected) {
    lock.lock();
    try {
      Cached cached = current;
      if (cached != null && cached.token().value().equals(rejected)) {
        current = null;
      }
      if (flight != null) {
        flight.rejected.add(rejected);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Replaces the cached token with one obtained elsewhere (a session's token from its login); a
   * fetch under way does not overwrite it.
   */
  public void put(Token token) {
    Objects.requireNonNull(token, "token == null");
    lock.lock();
    try {
      generation++;
      flight = null;
      current = new Cached(token, refreshAt(token));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Forgets the cached token; a fetch under way is not cached, and the next caller fetches anew
   * rather than joining it.
   */
  public void reset() {
    lock.lock();
    try {
      generation++;
      flight = null;
      current = null;
    } finally {
      lock.unlock();
    }
  }

  private Token fetch(Flight mine) {
    Token token;
    try {
      token = Objects.requireNonNull(fetcher.fetch(), "fetcher returned null");
    } catch (RuntimeException | Error e) {
      boolean stopped = OwnerStopped.test(e);
      lock.lock();
      try {
        if (flight == mine) {
          flight = null;
        }
      } finally {
        lock.unlock();
      }
      // the owner's own interruption is not the token endpoint's failure: the waiters go on
      mine.outcome.completeExceptionally(stopped ? ABANDONED : e);
      throw e;
    }
    lock.lock();
    try {
      if (flight == mine) {
        flight = null;
      }
      if (mine.generation == generation && !mine.rejected.contains(token.value())) {
        current = new Cached(token, refreshAt(token));
      }
    } finally {
      lock.unlock();
    }
    mine.outcome.complete(token);
    return token;
  }

  /** The fetch's token, or null when its owner stopped and the fetch must be taken over. */
  private static @Nullable Token await(Flight flight) {
    long left = Exchange.tokenNanosLeft();
    try {
      return left == Long.MAX_VALUE
          ? flight.outcome.get()
          : flight.outcome.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(
          "interrupted while waiting for a token another call is fetching",
          TransportException.Kind.INTERRUPTED,
          PortalError.noResponse("POST", "token"),
          0,
          e);
    } catch (TimeoutException e) {
      throw new TokenException(
          "no token within the call's time: another call's fetch of it is still under way", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Abandoned) {
        return null;
      }
      if (cause instanceof PortalApiException portal) {
        // a copy per waiter would lose the type; the shared instance is immutable apart from its
        // stack
        throw portal;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new TokenException("token fetch failed: " + cause.getClass().getName(), cause);
    }
  }

  /**
   * When a token is fetched again: {@code refreshSkew} before it expires, but never before half of
   * its remaining lifetime has passed, so a token shorter-lived than twice the skew is still used.
   */
  private Instant refreshAt(Token token) {
    Instant now = clock.instant();
    Instant expiresAt = token.expiresAt();
    if (!expiresAt.isAfter(now)) {
      return expiresAt;
    }
    Duration half = Duration.between(now, expiresAt).dividedBy(2);
    return expiresAt.minus(refreshSkew.compareTo(half) <= 0 ? refreshSkew : half);
  }

  private boolean isFresh(Cached cached) {
    return clock.instant().isBefore(cached.refreshAt());
  }
}
