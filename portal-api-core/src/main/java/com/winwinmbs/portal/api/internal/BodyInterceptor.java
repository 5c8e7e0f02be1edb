package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads every body the client decodes into memory, within bounds: the attempt's time (transports
 * bound the wait for the headers only, so a stalled body would otherwise hang its caller) and a
 * size (the client's {@code maxResponseSize} for a success, 64 KB for an error, whose status is
 * what counts). The links outside see a complete response whose body can be read again, and a body
 * that breaks off as an I/O failure of the attempt, retried like one. The body of a streamed
 * download is handed on as it arrives, bounded by idle time instead ({@link IdleTimeoutResponse}).
 */
final class BodyInterceptor implements PortalInterceptor {

  private static final byte[] EMPTY = new byte[0];

  @Override
  public TransportResponse intercept(Chain chain) throws IOException {
    Exchange exchange = RealChain.exchange(chain);
    long budget = exchange.attemptTimeout().toNanos();
    long started = System.nanoTime();
    TransportResponse response = chain.proceed(chain.request());
    int status = response.status();
    boolean success = status >= 200 && status < 300;
    if (success && exchange.streaming) {
      return new IdleTimeoutResponse(response, exchange.timeout.toNanos());
    }
    ReadDeadline deadline = ReadDeadline.start(response, budget - (System.nanoTime() - started));
    byte[] body;
    try (response) {
      body = success ? readSuccess(response, exchange) : readError(response);
    } catch (IOException e) {
      if (!deadline.cancel()) {
        throw e;
      }
      throw stalled(budget, e);
    } finally {
      deadline.cancel();
    }
    if (deadline.cancel() && success) {
      // the deadline closed the stream as its end arrived: the body may be cut short
      throw stalled(budget, null);
    }
    return TransportResponse.of(status, response.headers(), body);
  }

  private static byte[] readSuccess(TransportResponse response, Exchange exchange)
      throws IOException {
    long limit = exchange.maxResponseSize;
    long declared = contentLength(response.headers());
    if (declared > limit) {
      throw tooLarge(
          response, exchange, "its Content-Length says " + declared + " bytes", declared);
    }
    try (InputStream in = response.body()) {
      byte[] body = declared >= 0 ? readExactly(in, (int) declared) : readAtMost(in, limit);
      if (body == null) {
        throw tooLarge(response, exchange, "more bytes arrived", -1);
      }
      return body;
    }
  }

  /**
   * At most 64 KB of an error body; one that breaks off counts as empty: its status is what counts.
   */
  private static byte[] readError(TransportResponse response) {
    try (InputStream in = response.body()) {
      return in.readNBytes(ErrorDecoder.MAX_BODY);
    } catch (IOException e) {
      return EMPTY;
    }
  }

  /** A body of a known length, read into one array of that size. */
  private static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] body = new byte[length];
    int size = 0;
    while (size < length) {
      int read = in.read(body, size, length - size);
      if (read == -1) {
        throw new java.io.EOFException(
            "the body ended after " + size + " of the " + length + " bytes it announced");
      }
      size += read;
    }
    // its end too: the JDK client pools a connection only once the body's end is delivered
    if (in.read() != -1) {
      throw new IOException("the body is longer than the " + length + " bytes it announced");
    }
    return body;
  }

  /** A body of unknown length, or null when it holds more than {@code limit} bytes. */
  static byte @Nullable [] readAtMost(InputStream in, long limit) throws IOException {
    byte[] buffer = new byte[(int) Math.min(8192, limit)];
    int size = 0;
    while (true) {
      if (size == buffer.length) {
        if (size >= limit) {
          return in.read() == -1 ? buffer : null;
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(limit, size * 2L));
      }
      int read = in.read(buffer, size, buffer.length - size);
      if (read == -1) {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
      }
      size += read;
    }
  }

  private static long contentLength(Headers headers) {
    String value = headers.first("Content-Length").orElse(null);
    if (value == null) {
      return -1;
    }
    try {
      long length = Long.parseLong(value.trim());
      return length >= 0 ? length : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static PortalApiException tooLarge(
      TransportResponse response, Exchange exchange, String why, long declared) {
    String method = exchange.method();
    String template = exchange.endpoint.uriTemplate();
    return new PortalApiException(
        "the "
            + response.status()
            + " response of "
            + exchange.endpoint.id()
            + " is larger than the limit of "
            + exchange.maxResponseSize
            + " bytes (maxResponseSize): "
            + why
            + "; the connection was closed and the call not retried ["
            + method
            + " "
            + template
            + "]",
        new PortalError(
            response.status(),
            "RESPONSE_TOO_LARGE",
            null,
            declared < 0
                ? Map.of("limit", exchange.maxResponseSize)
                : Map.of("limit", exchange.maxResponseSize, "declared", declared),
            response.headers().first("X-Request-Id").orElse(null),
            template,
            method,
            null,
            null),
        exchange.attempts(),
        null);
  }

  private static BodyTimeoutException stalled(long budgetNanos, @Nullable IOException cause) {
    BodyTimeoutException e =
        new BodyTimeoutException(
            "no complete response within " + budgetNanos / 1_000_000 + " ms: the body stalled");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }
}
