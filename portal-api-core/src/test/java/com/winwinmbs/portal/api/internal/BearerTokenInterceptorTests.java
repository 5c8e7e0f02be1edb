package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.TransportRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link BearerTokenInterceptor} with a scripted end of the chain. */
class BearerTokenInterceptorTests {

  private final BearerTokenInterceptor bearer = new BearerTokenInterceptor();
  private final FakeChain chain = new FakeChain();

  @Test
  void addsTheSourcesTokenToEachRequest() throws IOException {
    chain.tokenSource(TokenSource.of("tok-1")).thenRespond(200, "{}");

    chain.run(bearer);

    assertThat(authorization(chain.received().get(0))).contains("Bearer tok-1");
  }

  @Test
  void aRejectedTokenIsInvalidatedAndTheRequestSentOnceMoreWithTheNextOne() throws IOException {
    RefreshingSource source = new RefreshingSource();
    chain.tokenSource(source).thenRespond(401, "{}").thenRespond(200, "{}");

    assertThat(chain.run(bearer).status()).isEqualTo(200);

    assertThat(chain.received())
        .extracting(BearerTokenInterceptorTests::authorization)
        .containsExactly(Optional.of("Bearer tok-1"), Optional.of("Bearer tok-2"));
    assertThat(source.invalidated).containsExactly("tok-1");
    assertThat(chain.exchange().refreshed()).isTrue();
  }

  @Test
  void aSecond401InTheSameCallIsReturnedWithoutAnotherRefresh() throws IOException {
    RefreshingSource source = new RefreshingSource();
    chain.tokenSource(source).thenRespond(401, "{}").thenRespond(401, "{}");

    assertThat(chain.run(bearer).status()).isEqualTo(401);

    assertThat(chain.received()).hasSize(2);
    assertThat(source.invalidated).hasSize(1);
  }

  @Test
  void aSourceThatCannotRefreshGetsNoSecondRequest() throws IOException {
    chain.tokenSource(TokenSource.of("static")).thenRespond(401, "{}");

    assertThat(chain.run(bearer).status()).isEqualTo(401);
    assertThat(chain.received()).hasSize(1);
  }

  @Test
  void aBodyThatCannotBeSentAgainIsNotSentAfterA401() throws IOException {
    chain.tokenSource(new RefreshingSource()).notReplayable().thenRespond(401, "{}");

    assertThat(chain.run(bearer).status()).isEqualTo(401);
    assertThat(chain.received()).hasSize(1);
  }

  @Test
  void noSourceOrNoTokenSendsTheRequestAsItIs() throws IOException {
    chain.thenRespond(200, "{}");
    chain.run(bearer, "Authorization", "Bearer callers-own");
    assertThat(authorization(chain.received().get(0))).contains("Bearer callers-own");

    FakeChain empty = new FakeChain().tokenSource(TokenSource.none()).thenRespond(200, "{}");
    empty.run(bearer);
    assertThat(authorization(empty.received().get(0))).isEmpty();
  }

  @Test
  void theTokenIsAskedForWithinTheAttemptsTimeout() throws IOException {
    AtomicInteger asked = new AtomicInteger();
    List<Long> left = new ArrayList<>();
    chain
        .timeout(java.time.Duration.ofSeconds(2))
        .tokenSource(
            () -> {
              asked.incrementAndGet();
              left.add(Exchange.tokenNanosLeft());
              return Optional.of("t");
            })
        .thenRespond(200, "{}");

    chain.run(bearer);

    assertThat(asked).hasValue(1);
    assertThat(left)
        .singleElement()
        .satisfies(
            nanos ->
                assertThat(nanos)
                    .isPositive()
                    .isLessThanOrEqualTo(java.time.Duration.ofSeconds(2).toNanos()));
    assertThat(Exchange.tokenNanosLeft()).as("no call waits outside it").isEqualTo(Long.MAX_VALUE);
  }

  private static Optional<String> authorization(TransportRequest request) {
    return request.headers().first("Authorization");
  }

  /** Hands out tok-1, then tok-2 after tok-1 is invalidated. */
  private static final class RefreshingSource implements TokenSource {
    final List<String> invalidated = new ArrayList<>();
    private int generation = 1;

    @Override
    public Optional<String> token() {
      return Optional.of("tok-" + generation);
    }

    @Override
    public boolean canRefresh() {
      return true;
    }

    @Override
    public void invalidate(String rejectedToken) {
      invalidated.add(rejectedToken);
      generation++;
    }
  }
}
