package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.http.TransportRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TransportInterceptor}: the last link, on a recording transport. */
class TransportInterceptorTests {

  private final List<TransportRequest> sent = new ArrayList<>();
  private final TransportInterceptor transport =
      new TransportInterceptor(
          request -> {
            sent.add(request);
            return FakeChain.response(200, "{}", "X-Request-Id", "req_9");
          });

  @Test
  void countsTheAttemptAndRecordsTheAnswer() throws IOException {
    FakeChain chain = new FakeChain();

    chain.run(transport, "Authorization", "Bearer t-12345678");

    assertThat(chain.exchange().attempts()).isEqualTo(1);
    assertThat(chain.exchange().status()).isEqualTo(200);
    assertThat(chain.exchange().sent().first("Authorization")).contains("Bearer t-12345678");
  }

  @Test
  void waitsForTheHeadersNoLongerThanWhatIsLeftOfTheCall() throws IOException {
    new FakeChain()
        .timeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofMillis(500))
        .run(transport);

    assertThat(sent)
        .singleElement()
        .extracting(TransportRequest::timeout)
        .satisfies(timeout -> assertThat(timeout).isLessThanOrEqualTo(Duration.ofMillis(500)));
  }

  @Test
  void waitsTheAttemptsTimeoutWhenTheCallHasMoreTime() throws IOException {
    new FakeChain()
        .timeout(Duration.ofSeconds(2))
        .callTimeout(Duration.ofMinutes(5))
        .run(transport);

    assertThat(sent)
        .singleElement()
        .extracting(TransportRequest::timeout)
        .isEqualTo(Duration.ofSeconds(2));
  }
}
