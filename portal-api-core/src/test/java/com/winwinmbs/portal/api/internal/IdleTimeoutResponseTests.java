package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link IdleTimeoutResponse} over streams that end early or never. */
class IdleTimeoutResponseTests {

  @Test
  void aStreamThatEndsBeforeItsContentLengthFails() {
    IdleTimeoutResponse response =
        new IdleTimeoutResponse(
            new BodyInterceptorTests.StreamResponse(
                200, new ByteArrayInputStream(new byte[10]), 50),
            Duration.ofSeconds(5).toNanos());

    assertThatExceptionOfType(EOFException.class)
        .isThrownBy(() -> response.body().readAllBytes())
        .withMessage("the body ended after 10 of the 50 bytes announced");
  }

  @Test
  @Timeout(10)
  void aStreamThatLooksEndedAfterTheWatchdogClosedItIsATimeoutNotAnEnd() {
    // closing this stream makes a blocked read return -1, as some transports do
    BodyInterceptorTests.StreamResponse stalled =
        new BodyInterceptorTests.StreamResponse(200, null, -1) {
          @Override
          public InputStream body() {
            InputStream blocking = super.body();
            return new InputStream() {
              @Override
              public int read() {
                try {
                  return blocking.read();
                } catch (java.io.IOException closed) {
                  return -1;
                }
              }
            };
          }
        };
    IdleTimeoutResponse response =
        new IdleTimeoutResponse(stalled, Duration.ofMillis(200).toNanos());

    assertThatExceptionOfType(SocketTimeoutException.class)
        .isThrownBy(() -> response.body().read())
        .withMessage("no byte of the body arrived within 200 ms (after 0 bytes)");
    assertThat(stalled.closed).isTrue();
  }

  @Test
  void closingStopsTheWatchAndClosesTheResponse() throws Exception {
    BodyInterceptorTests.StreamResponse live =
        new BodyInterceptorTests.StreamResponse(200, new ByteArrayInputStream(new byte[3]), 3);
    TransportResponse response = new IdleTimeoutResponse(live, Duration.ofMillis(100).toNanos());

    assertThat(response.body().readAllBytes()).hasSize(3);
    response.close();
    Thread.sleep(300); // a watchdog still running would close nothing more, and fire nothing

    assertThat(live.closed).isTrue();
    assertThat(response.headers()).isEqualTo(Headers.builder().set("Content-Length", "3").build());
  }
}
