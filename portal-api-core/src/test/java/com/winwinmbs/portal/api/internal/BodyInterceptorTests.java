package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link BodyInterceptor} with a scripted end of the chain that answers with streams. */
class BodyInterceptorTests {

  private final BodyInterceptor body = new BodyInterceptor();

  @Test
  void aSuccessBodyIsReadIntoMemoryAndCanBeReadAgain() throws IOException {
    StreamResponse live = new StreamResponse(200, bytesIn("{\"id\":\"usr_1\"}"), -1);
    FakeChain chain = new FakeChain().then(request -> live);

    TransportResponse response = chain.run(body);

    assertThat(response).isInstanceOf(TransportResponse.Buffered.class);
    assertThat(response.body().readAllBytes()).isEqualTo(bytes("{\"id\":\"usr_1\"}"));
    assertThat(response.body().readAllBytes()).isEqualTo(bytes("{\"id\":\"usr_1\"}"));
    assertThat(live.closed).isTrue();
  }

  @Test
  void aContentLengthOverTheLimitFailsWithoutReadingTheBody() {
    StreamResponse live = new StreamResponse(200, unreadable(), 2048);
    FakeChain chain = new FakeChain().maxResponseSize(1024).then(request -> live);

    assertThatExceptionOfType(PortalApiException.class)
        .isThrownBy(() -> chain.run(body))
        .withMessageContaining("is larger than the limit of 1024 bytes (maxResponseSize)")
        .withMessageContaining("Content-Length says 2048 bytes")
        .withMessageContaining("[GET /users/{id}]")
        .satisfies(e -> assertThat(e.code()).isEqualTo("RESPONSE_TOO_LARGE"));
    assertThat(live.closed).isTrue();
  }

  @Test
  void aBodyOfUnknownLengthOverTheLimitStopsAtTheLimit() {
    CountingStream endless = new CountingStream();
    StreamResponse live = new StreamResponse(200, endless, -1);
    FakeChain chain = new FakeChain().maxResponseSize(64 * 1024).then(request -> live);

    assertThatExceptionOfType(PortalApiException.class)
        .isThrownBy(() -> chain.run(body))
        .satisfies(e -> assertThat(e.code()).isEqualTo("RESPONSE_TOO_LARGE"));
    assertThat(endless.read).isLessThanOrEqualTo(64 * 1024 + 8192);
    assertThat(live.closed).isTrue();
  }

  @Test
  void aBodyExactlyAtTheLimitIsRead() throws IOException {
    byte[] exact = new byte[4096];
    FakeChain chain =
        new FakeChain()
            .maxResponseSize(4096)
            .then(request -> new StreamResponse(200, new ByteArrayInputStream(exact), -1));

    assertThat(((TransportResponse.Buffered) chain.run(body)).bytes()).hasSize(4096);
  }

  @Test
  void anErrorBodyIsCutAt64KbAndTheStatusKept() throws IOException {
    CountingStream endless = new CountingStream();
    FakeChain chain = new FakeChain().then(request -> new StreamResponse(503, endless, -1));

    TransportResponse response = chain.run(body);

    assertThat(response.status()).isEqualTo(503);
    assertThat(((TransportResponse.Buffered) response).bytes()).hasSize(ErrorDecoder.MAX_BODY);
  }

  @Test
  void anErrorBodyThatBreaksOffCountsAsEmpty() throws IOException {
    InputStream broken =
        new SequenceInputStream(
            new ByteArrayInputStream(bytes("{\"err")),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("reset");
              }
            });
    FakeChain chain = new FakeChain().then(request -> new StreamResponse(500, broken, -1));

    TransportResponse response = chain.run(body);

    assertThat(response.status()).isEqualTo(500);
    assertThat(((TransportResponse.Buffered) response).bytes()).isEmpty();
  }

  @Test
  @Timeout(10)
  void aStalledSuccessBodyFailsAtTheAttemptsTimeout() {
    StreamResponse stalled = new StreamResponse(200, null, -1);
    FakeChain chain = new FakeChain().timeout(Duration.ofMillis(300)).then(request -> stalled);

    assertThatExceptionOfType(BodyTimeoutException.class)
        .isThrownBy(() -> chain.run(body))
        .withMessage("no complete response within 300 ms: the body stalled");
    assertThat(stalled.closed).isTrue();
  }

  @Test
  void aBodyShorterThanItsContentLengthFails() {
    FakeChain chain =
        new FakeChain().then(request -> new StreamResponse(200, bytesIn("{\"a\":1}"), 100));

    assertThatExceptionOfType(EOFException.class)
        .isThrownBy(() -> chain.run(body))
        .withMessage("the body ended after 7 of the 100 bytes it announced");
  }

  @Test
  void aStreamedSuccessIsHandedOnAsItArrives() throws IOException {
    StreamResponse live = new StreamResponse(200, bytesIn("file bytes"), -1);
    FakeChain chain = new FakeChain().streaming().then(request -> live);

    TransportResponse response = chain.run(body);

    assertThat(response).isInstanceOf(IdleTimeoutResponse.class);
    assertThat(live.closed).isFalse();
    assertThat(response.body().readAllBytes()).isEqualTo(bytes("file bytes"));
    response.close();
    assertThat(live.closed).isTrue();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static InputStream bytesIn(String text) {
    return new ByteArrayInputStream(bytes(text));
  }

  /** A body that fails the test if anyone reads it. */
  private static InputStream unreadable() {
    return new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("the body was read");
      }
    };
  }

  /** An endless body of zeros that counts what was read. */
  private static final class CountingStream extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      read += len;
      return len;
    }
  }

  /**
   * A response whose body is a stream (or, when null, one that blocks until the response is closed,
   * as a stalled connection does).
   */
  static class StreamResponse implements TransportResponse {
    private final int status;
    private final Headers headers;
    private final InputStream body;
    private final CountDownLatch closing = new CountDownLatch(1);
    volatile boolean closed;

    StreamResponse(int status, InputStream body, long contentLength) {
      this.status = status;
      this.headers =
          contentLength < 0
              ? Headers.empty()
              : Headers.builder().set("Content-Length", String.valueOf(contentLength)).build();
      AtomicBoolean open = new AtomicBoolean(true);
      this.body =
          body != null
              ? body
              : new InputStream() {
                @Override
                public int read() throws IOException {
                  try {
                    closing.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  open.set(false);
                  throw new IOException("closed");
                }
              };
    }

    @Override
    public int status() {
      return status;
    }

    @Override
    public Headers headers() {
      return headers;
    }

    @Override
    public InputStream body() {
      return body;
    }

    @Override
    public void close() {
      closed = true;
      closing.countDown();
    }
  }
}
