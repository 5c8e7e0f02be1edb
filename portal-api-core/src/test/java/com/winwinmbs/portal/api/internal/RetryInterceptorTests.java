package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.testing.RecordingSleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RetryInterceptor} with a scripted end of the chain. */
class RetryInterceptorTests {

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final RetryInterceptor retry =
      new RetryInterceptor(RetryPolicy.DEFAULT, sleeper, Clock.systemUTC());
  private final FakeChain chain = new FakeChain();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void serverErrorOfAnIdempotentCallIsRetriedWithBackoffWithinItsCap() throws IOException {
    chain.thenRespond(503, "{}").thenRespond(502, "{}").thenRespond(200, "{\"ok\":true}");

    assertThat(chain.run(retry).status()).isEqualTo(200);

    assertThat(chain.received()).hasSize(3);
    assertThat(sleeper.waits())
        .hasSize(2)
        .satisfies(
            waits -> {
              assertThat(waits.get(0)).isLessThanOrEqualTo(Duration.ofMillis(500));
              assertThat(waits.get(1)).isLessThanOrEqualTo(Duration.ofMillis(1000));
            });
  }

  @Test
  void serverErrorAfterTheLastAttemptIsReturnedWithoutANote() throws IOException {
    chain.thenRespond(503, "{}").thenRespond(503, "{}").thenRespond(503, "{}");

    assertThat(chain.run(retry).status()).isEqualTo(503);

    assertThat(chain.received()).hasSize(3);
    assertThat(chain.exchange().note()).isNull();
  }

  @Test
  void serverErrorOfAPostIsNotRetriedAndTheNoteSaysWhy() throws IOException {
    chain.endpoint(FakeChain.POST).thenRespond(503, "{}");

    assertThat(chain.run(retry).status()).isEqualTo(503);

    assertThat(chain.received()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
    assertThat(chain.exchange().note())
        .isEqualTo("not retried: POST is not idempotent and carries no Idempotency-Key");
  }

  @Test
  void serverErrorOfAPostWithAnIdempotencyKeyIsRetried() throws IOException {
    chain
        .endpoint(FakeChain.POST)
        .options(RequestOptions.builder().idempotencyKey("k-1").build())
        .thenRespond(500, "{}")
        .thenRespond(201, "{}");

    assertThat(chain.run(retry).status()).isEqualTo(201);
    assertThat(chain.received()).hasSize(2);
  }

  @Test
  void aBodyThatCannotBeSentAgainIsNeverRetried() throws IOException {
    chain.notReplayable().thenRespond(503, "{}");

    chain.run(retry);

    assertThat(chain.received()).hasSize(1);
    assertThat(chain.exchange().note()).contains("a stream that cannot be sent again");
  }

  @Test
  void ioFailureOfAGetIsRetriedAndOfAPostIsNot() throws IOException {
    chain.thenFail(new ConnectException("refused")).thenRespond(200, "{}");
    assertThat(chain.run(retry).status()).isEqualTo(200);
    assertThat(chain.received()).hasSize(2);

    FakeChain post = new FakeChain().endpoint(FakeChain.POST).thenFail(new IOException("reset"));
    assertThatExceptionOfType(IOException.class).isThrownBy(() -> post.run(retry));
    assertThat(post.received()).hasSize(1);
    assertThat(post.exchange().note()).contains("POST is not idempotent");
  }

  @Test
  void tooManyRequestsWaitsWhatTheBodyAsksAndIsRetriedWhateverTheMethod() throws IOException {
    chain
        .endpoint(FakeChain.POST)
        .thenRespond(429, "{\"retry_after_ms\":1234}")
        .thenRespond(201, "{}");

    assertThat(chain.run(retry).status()).isEqualTo(201);

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1234));
  }

  @Test
  void tooManyRequestsAskingForMoreThanTheAllowedWaitIsReturnedWithTheReason() throws IOException {
    chain.thenRespond(429, "{}", "Retry-After", "99999999999");

    assertThat(chain.run(retry).status()).isEqualTo(429);

    assertThat(sleeper.waits()).isEmpty();
    assertThat(chain.exchange().note()).startsWith("asked to wait ").endsWith("60000 ms");
  }

  @Test
  void aWaitLongerThanWhatIsLeftOfTheCallIsNotStarted() throws IOException {
    chain.callTimeout(Duration.ofMillis(300)).thenRespond(429, "{\"retry_after_ms\":5000}");

    assertThat(chain.run(retry).status()).isEqualTo(429);

    assertThat(sleeper.waits()).isEmpty();
    assertThat(chain.exchange().note()).contains("the call timeout leaves no time to wait 5000 ms");
  }

  @Test
  void aWaitThatLeavesTooLittleForAnotherAttemptIsNotStarted() throws IOException {
    // 1,000 ms left, a 980 ms wait: the attempt after it would have 20 ms and time out
    chain.callTimeout(Duration.ofSeconds(1)).thenRespond(429, "{\"retry_after_ms\":980}");

    assertThat(chain.run(retry).status()).isEqualTo(429);

    assertThat(sleeper.waits()).isEmpty();
    assertThat(chain.received()).hasSize(1);
    assertThat(chain.exchange().note()).contains("the call timeout leaves no time to wait 980 ms");
  }

  @Test
  void aWaitThatLeavesTimeForAnotherAttemptIsTaken() throws IOException {
    chain
        .callTimeout(Duration.ofSeconds(10))
        .thenRespond(429, "{\"retry_after_ms\":900}")
        .thenRespond(200, "{}");

    assertThat(chain.run(retry).status()).isEqualTo(200);

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(900));
  }

  @Test
  void anInterruptedFailureIsNeverRetried() {
    chain.thenFail(new InterruptedIOException("interrupted"));

    assertThatExceptionOfType(InterruptedIOException.class).isThrownBy(() -> chain.run(retry));
    assertThat(chain.received()).hasSize(1);
  }

  @Test
  void anInterruptWhileWaitingEndsTheCallAndKeepsTheFlag() {
    RetryInterceptor interrupted =
        new RetryInterceptor(
            RetryPolicy.DEFAULT,
            duration -> {
              throw new InterruptedException("stop");
            },
            Clock.systemUTC());
    chain.thenRespond(503, "{}");

    assertThatExceptionOfType(InterruptedIOException.class)
        .isThrownBy(() -> chain.run(interrupted))
        .withMessage("interrupted while waiting to retry");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(chain.received()).hasSize(1);
  }

  @Test
  void aTimeoutOfAGetIsRetriedLikeAnyIoFailure() throws IOException {
    chain.thenFail(new HttpTimeoutException("timed out")).thenRespond(200, "{}");

    assertThat(chain.run(retry).status()).isEqualTo(200);
    assertThat(chain.received()).hasSize(2);
  }

  @Test
  void clientErrorsAreReturnedAtOnce() throws IOException {
    chain.thenRespond(404, "{}");

    assertThat(chain.run(retry).status()).isEqualTo(404);
    assertThat(chain.received()).hasSize(1);
    assertThat(chain.exchange().note()).isNull();
  }
}
