package com.winwinmbs.portal.api.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

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
}
