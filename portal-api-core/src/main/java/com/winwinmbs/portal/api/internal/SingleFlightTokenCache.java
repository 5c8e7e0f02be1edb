package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.TokenException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Caches one access token until shortly before it expires and lets one caller at a time fetch a new
 * one: concurrent callers wait for that fetch and share its result or its failure. A failure is not
 * cached, so the next caller tries again.
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

  private final Fetcher fetcher;
  private final Duration refreshSkew;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile @Nullable Token current;
  private @Nullable CompletableFuture<Token> inflight;

  public SingleFlightTokenCache(Fetcher fetcher, Duration refreshSkew, Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher == null");
    this.refreshSkew = Objects.requireNonNull(refreshSkew, "refreshSkew == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** A token valid for at least the refresh skew, fetching one when needed. */
  public String get() {
    Token token = current;
    if (token != null && isFresh(token)) {
      return token.value();
    }
    CompletableFuture<Token> future;
    boolean owner = false;
    lock.lock();
    try {
      token = current;
      if (token != null && isFresh(token)) {
        return token.value();
      }
      if (inflight == null) {
        inflight = new CompletableFuture<>();
        owner = true;
      }
      future = inflight;
    } finally {
      lock.unlock();
    }
    if (owner) {
      return fetchAndPublish(future).value();
    }
    return await(future).value();
  }

  /** The cached token without fetching; it may be stale. */
  public Optional<String> cached() {
    Token token = current;
    return token == null ? Optional.empty() : Optional.of(token.value());
  }

  /** Forgets this token unless a newer one replaced it already. */
  public void invalidate(String rejected) {
    lock.lock();
    try {
      Token token = current;
      if (token != null && token.value().equals(rejected)) {
        current = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Replaces the cached token with one obtained elsewhere (a session's token from its login). */
  public void put(Token token) {
    Objects.requireNonNull(token, "token == null");
    lock.lock();
    try {
      current = token;
    } finally {
      lock.unlock();
    }
  }

  /** Forgets the cached token. */
  public void reset() {
    lock.lock();
    try {
      current = null;
    } finally {
      lock.unlock();
    }
  }

  private Token fetchAndPublish(CompletableFuture<Token> future) {
    Token token;
    try {
      token = Objects.requireNonNull(fetcher.fetch(), "fetcher returned null");
    } catch (RuntimeException | Error e) {
      lock.lock();
      try {
        inflight = null;
      } finally {
        lock.unlock();
      }
      future.completeExceptionally(e);
      throw e;
    }
    lock.lock();
    try {
      current = token;
      inflight = null;
    } finally {
      lock.unlock();
    }
    future.complete(token);
    return token;
  }

  private static Token await(CompletableFuture<Token> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenException("interrupted while waiting for a token being fetched", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
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

  private boolean isFresh(Token token) {
    return clock.instant().isBefore(token.expiresAt().minus(refreshSkew));
  }
}
