package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A streamed response whose body may take as long as it needs, as long as bytes keep coming: a read
 * that waits longer than the idle timeout for its next byte closes the response and fails with a
 * {@link SocketTimeoutException}. Time the caller spends between reads does not count. A body that
 * ends before its {@code Content-Length} fails with an {@link EOFException} instead of looking
 * complete.
 */
final class IdleTimeoutResponse implements TransportResponse {

  private final TransportResponse response;
  private final long idleNanos;
  private final long expectedLength;
  private @Nullable Body body;

  IdleTimeoutResponse(TransportResponse response, long idleNanos) {
    this.response = response;
    this.idleNanos = idleNanos;
    this.expectedLength = contentLength(response.headers());
  }

  @Override
  public int status() {
    return response.status();
  }

  @Override
  public Headers headers() {
    return response.headers();
  }

  @Override
  public synchronized InputStream body() throws IOException {
    if (body == null) {
      body = new Body(response.body());
    }
    return body;
  }

  @Override
  public void close() throws IOException {
    Body current;
    synchronized (this) {
      current = body;
    }
    if (current != null) {
      current.stopWatching();
    }
    response.close();
  }

  private static long contentLength(Headers headers) {
    try {
      return headers.first("Content-Length").map(String::trim).map(Long::parseLong).orElse(-1L);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The body, watched while a read waits. */
  private final class Body extends FilterInputStream {
    private volatile long waitingSince; // System.nanoTime() when the read under way began, or 0
    private volatile boolean fired;
    private volatile boolean stopped;
    private ReadDeadline.@Nullable Task watchdog;
    private long received;

    Body(InputStream in) {
      super(in);
      watch(idleNanos);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      waitingSince = System.nanoTime() | 1; // never 0 while waiting
      int n;
      try {
        n = in.read(buffer, offset, length);
      } catch (IOException e) {
        stopWatching();
        throw fired ? idle(e) : e;
      } finally {
        waitingSince = 0;
      }
      if (fired) {
        throw idle(null); // the watchdog closed the stream: what looks like its end is not
      }
      if (n == -1) {
        stopWatching();
        if (expectedLength >= 0 && received < expectedLength) {
          throw new EOFException(
              "the body ended after "
                  + received
                  + " of the "
                  + expectedLength
                  + " bytes announced");
        }
        return -1;
      }
      received += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] scratch = new byte[(int) Math.min(8192, Math.max(n, 1))];
      long skipped = 0;
      while (skipped < n) {
        int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
        if (read == -1) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    @Override
    public void close() throws IOException {
      stopWatching();
      super.close();
    }

    synchronized void stopWatching() {
      stopped = true;
      if (watchdog != null) {
        watchdog.cancel();
      }
    }

    private synchronized void watch(long delayNanos) {
      if (!stopped) {
        watchdog = ReadDeadline.schedule(this::check, delayNanos);
      }
    }

    /** On the timer thread: fires when a read has waited the whole idle time, else looks again. */
    private void check() {
      long since = waitingSince;
      long now = System.nanoTime();
      if (since != 0 && now - since >= idleNanos) {
        fired = true;
        try {
          response.close();
        } catch (IOException | RuntimeException ignored) {
          // the blocked read ends either way
        }
        return;
      }
      watch(since == 0 ? idleNanos : idleNanos - (now - since));
    }

    private SocketTimeoutException idle(@Nullable IOException cause) {
      SocketTimeoutException e =
          new SocketTimeoutException(
              "no byte of the body arrived within "
                  + idleNanos / 1_000_000
                  + " ms (after "
                  + received
                  + " bytes)");
      if (cause != null) {
        e.initCause(cause);
      }
      return e;
    }
  }
}
