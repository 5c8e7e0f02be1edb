package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.TokenSource;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a caching {@link TokenSource} (machine-to-machine tokens) to count the tokens it fetches:
 * each time it hands out a token other than the one it handed out before, a {@code token.fetches}
 * event is recorded on the current {@code portal.api.client.requests} observation, which
 * Micrometer's meter handler counts as {@code portal.api.client.requests.token.fetches}.
 *
 * <p>Only the token's identity is compared; the token itself is never kept beyond the last one, nor
 * logged.
 */
final class TokenFetchCountingTokenSource implements TokenSource {

  static final Observation.Event FETCH_EVENT =
      Observation.Event.of("token.fetches", "the token source handed out a newly fetched token");

  private final TokenSource delegate;
  private final ObservationRegistry registry;
  private final AtomicReference<@Nullable String> last = new AtomicReference<>();

  TokenFetchCountingTokenSource(TokenSource delegate, ObservationRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  /**
   * The source wrapped to count fetches, or the source itself when fetches cannot be told apart:
   * sources that cannot refresh (a static token, the current user's token) fetch nothing, and one
   * that forwards user tokens changes token with every user.
   */
  static TokenSource wrap(TokenSource source, AuthMode mode, ObservationRegistry registry) {
    if (registry.isNoop()
        || mode == AuthMode.FORWARD
        || mode == AuthMode.HYBRID
        || !source.canRefresh()) {
      return source;
    }
    return new TokenFetchCountingTokenSource(source, registry);
  }

  @Override
  public Optional<String> token() {
    Optional<String> token = this.delegate.token();
    token.ifPresent(
        (value) -> {
          String previous = this.last.getAndSet(value);
          if (!value.equals(previous)) {
            Observation current = this.registry.getCurrentObservation();
            if (current != null) {
              current.event(FETCH_EVENT);
            }
          }
        });
    return token;
  }

  @Override
  public boolean canRefresh() {
    return this.delegate.canRefresh();
  }

  @Override
  public void invalidate(String rejectedToken) {
    this.delegate.invalidate(rejectedToken);
  }

  /** The wrapped source. */
  TokenSource delegate() {
    return this.delegate;
  }

  @Override
  public String toString() {
    return this.delegate.toString();
  }
}
