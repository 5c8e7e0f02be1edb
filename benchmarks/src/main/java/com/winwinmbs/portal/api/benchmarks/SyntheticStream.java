package com.winwinmbs.portal.api.benchmarks;

import java.io.InputStream;

/**
 * A stream of {@code length} bytes that costs nothing to produce, so an upload measures the client
 * and not a disk.
 */
final class SyntheticStream extends InputStream {

  private long remaining;

  SyntheticStream(long length) {
    this.remaining = length;
  }

  @Override
  public int read() {
    if (remaining <= 0) {
      return -1;
    }
    remaining--;
    return 'x';
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (remaining <= 0) {
      return -1;
    }
    int n = (int) Math.min(len, remaining);
    remaining -= n;
    return n; // the buffer's content is whatever it held: only the byte count matters here
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, remaining);
  }
}
