package com.winwinmbs.portal.api.http;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A response whose body has not been read yet. Closing it releases the connection; the body stream
 * must be read to the end or closed.
 */
public interface TransportResponse extends Closeable {

  /** The HTTP status code. */
  int status();

  /** The response headers. */
  Headers headers();

  /** The body as a stream (empty for none). The caller closes it, or closes this response. */
  InputStream body() throws IOException;

  @Override
  void close() throws IOException;

  /**
   * A response held in memory, for an interceptor that answers without sending (a cached answer, a
   * stub). Its body can be read any number of times. The array is kept, not copied: do not change
   * it afterwards.
   */
  static Buffered of(int status, Headers headers, byte[] body) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status must be a three-digit HTTP status: " + status);
    }
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    return new Buffered(status, headers, body);
  }

  /** A response whose body is in memory: reading it again gives the same bytes. */
  final class Buffered implements TransportResponse {
    private final int status;
    private final Headers headers;
    private final byte[] body;

    private Buffered(int status, Headers headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
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
      return new ByteArrayInputStream(body);
    }

    /** The body itself, not a copy: do not change it. */
    public byte[] bytes() {
      return body;
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
      return "TransportResponse[status=" + status + ", " + body.length + " bytes]";
    }
  }
}
