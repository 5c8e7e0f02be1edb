package com.winwinmbs.portal.api.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of a request: a content type, a length when known, and a way to open it as a stream.
 *
 * <p>A body is <em>repeatable</em> when {@link #open()} can be called again for a retry; a stream
 * handed in by a caller is not, so a request carrying it is never retried.
 */
public abstract class RequestBody {

  /** The {@code Content-Type}, or null for none. */
  public abstract @Nullable String contentType();

  /** The length in bytes, or -1 when unknown (the body is then sent chunked). */
  public abstract long contentLength();

  /** Whether {@link #open()} may be called more than once. */
  public abstract boolean isRepeatable();

  /** Opens the body for reading; the caller closes the stream. */
  public abstract InputStream open() throws IOException;

  /** The whole body when it is held in memory, else null. Lets transports skip a copy. */
  public byte @Nullable [] bytes() {
    return null;
  }

  /** A repeatable body held in memory. */
  public static RequestBody of(byte[] bytes, @Nullable String contentType) {
    Objects.requireNonNull(bytes, "bytes == null");
    return new RequestBody() {
      @Override
      public @Nullable String contentType() {
        return contentType;
      }

      @Override
      public long contentLength() {
        return bytes.length;
      }

      @Override
      public boolean isRepeatable() {
        return true;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(bytes);
      }

      @Override
      public byte[] bytes() {
        return bytes;
      }

      @Override
      public String toString() {
        return "RequestBody[" + contentType + ", " + bytes.length + " bytes]";
      }
    };
  }

  /**
   * A body read from a stream supplier.
   *
   * @param opener opens the stream; called once per attempt when repeatable, once in all otherwise
   * @param contentLength the length, or -1 when unknown
   * @param contentType the content type, or null
   * @param repeatable whether {@code opener} may be called again
   */
  public static RequestBody of(
      StreamOpener opener, long contentLength, @Nullable String contentType, boolean repeatable) {
    Objects.requireNonNull(opener, "opener == null");
    if (contentLength < -1) {
      throw new IllegalArgumentException(
          "contentLength must be -1 (unknown) or >= 0: " + contentLength);
    }
    return new RequestBody() {
      private boolean opened;

      @Override
      public @Nullable String contentType() {
        return contentType;
      }

      @Override
      public long contentLength() {
        return contentLength;
      }

      @Override
      public boolean isRepeatable() {
        return repeatable;
      }

      @Override
      public synchronized InputStream open() throws IOException {
        if (opened && !repeatable) {
          throw new IllegalStateException(
              "this request body is a one-shot stream and was already sent");
        }
        opened = true;
        return opener.open();
      }

      @Override
      public String toString() {
        return "RequestBody["
            + contentType
            + ", "
            + (contentLength < 0 ? "unknown length" : contentLength + " bytes")
            + (repeatable ? "" : ", one-shot")
            + "]";
      }
    };
  }

  /** Opens a stream, possibly failing with an I/O error. */
  @FunctionalInterface
  public interface StreamOpener {
    InputStream open() throws IOException;
  }
}
