package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.TokenSource;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which token sources {@link TokenFetchCountingTokenSource} counts, and what. */
class TokenFetchCountingTokenSourceTests {

  private final TestObservationRegistry registry = TestObservationRegistry.create();

  @Test
  void machineTokenSourceIsWrapped() {
    assertThat(
            TokenFetchCountingTokenSource.wrap(
                new CachingSource(), AuthMode.CLIENT_CREDENTIALS, this.registry))
        .isInstanceOf(TokenFetchCountingTokenSource.class);
    assertThat(
            TokenFetchCountingTokenSource.wrap(new CachingSource(), AuthMode.NONE, this.registry))
        .isInstanceOf(TokenFetchCountingTokenSource.class);
  }

  @Test
  void sourcesWhoseFetchesCannotBeToldApartAreLeftAlone() {
    TokenSource caching = new CachingSource();
    assertThat(TokenFetchCountingTokenSource.wrap(caching, AuthMode.FORWARD, this.registry))
        .isSameAs(caching);
    assertThat(TokenFetchCountingTokenSource.wrap(caching, AuthMode.HYBRID, this.registry))
        .isSameAs(caching);
    assertThat(
            TokenFetchCountingTokenSource.wrap(
                caching, AuthMode.CLIENT_CREDENTIALS, ObservationRegistry.NOOP))
        .isSameAs(caching);
    TokenSource constant = TokenSource.of("static");
    assertThat(TokenFetchCountingTokenSource.wrap(constant, AuthMode.STATIC, this.registry))
        .isSameAs(constant);
  }

  @Test
  void eachNewTokenIsOneFetchEvent() {
    List<String> events = new ArrayList<>();
    ObservationRegistry registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public void onEvent(Observation.Event event, Observation.Context context) {
                events.add(event.getName());
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    CachingSource source = new CachingSource();
    TokenSource counting =
        TokenFetchCountingTokenSource.wrap(source, AuthMode.CLIENT_CREDENTIALS, registry);
    Observation observation = Observation.start("portal.api.client.requests", registry);
    try (Observation.Scope scope = observation.openScope()) {
      counting.token();
      counting.token();
      counting.invalidate("token-1");
      counting.token();
      counting.token();
    } finally {
      observation.stop();
    }

    assertThat(source.invalidated).containsExactly("token-1");
    assertThat(events).containsExactly("token.fetches", "token.fetches");
    assertThat(counting.canRefresh()).isTrue();
  }

  @Test
  void tokenOutsideAnObservationIsNotCounted() {
    TokenSource counting =
        TokenFetchCountingTokenSource.wrap(
            new CachingSource(), AuthMode.CLIENT_CREDENTIALS, this.registry);

    assertThat(counting.token()).contains("token-1");
    TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyObservation();
  }

  /** token-1 until invalidated, then token-2. */
  static final class CachingSource implements TokenSource {

    final List<String> invalidated = new ArrayList<>();

    @Override
    public Optional<String> token() {
      return Optional.of(this.invalidated.isEmpty() ? "token-1" : "token-2");
    }

    @Override
    public boolean canRefresh() {
      return true;
    }

    @Override
    public void invalidate(String rejectedToken) {
      this.invalidated.add(rejectedToken);
    }
  }
}
