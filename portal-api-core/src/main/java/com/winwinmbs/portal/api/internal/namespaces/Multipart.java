package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.files.FileUploadRequest;
import com.winwinmbs.portal.api.http.RequestBody;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code multipart/form-data} body streamed from its parts: the form fields and the file part's
 * headers (small, in memory), the file itself (read as it is sent) and the closing boundary. The
 * file is never held in memory; its length, when known, gives the body an exact {@code
 * Content-Length}.
 */
final class Multipart {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Multipart() {}

  /**
   * The body of an upload.
   *
   * @param part the form fields, sent before the file, and the file part's name and content type
   *     (both required here; the request's constructor has checked the content type)
   * @param length the file's length in bytes, or -1 when unknown (the body is then sent chunked)
   * @param file opens the file's content; called once per attempt when {@code repeatable}
   * @param repeatable whether {@code file} may be opened again for a retry
   */
  static RequestBody body(
      FileUploadRequest part, long length, RequestBody.StreamOpener file, boolean repeatable) {
    Objects.requireNonNull(file, "file == null");
    Map<String, String> fields = part.fields();
    String fileName = Objects.requireNonNull(part.fileName(), "fileName == null");
    String contentType = Objects.requireNonNull(part.contentType(), "contentType == null");
    String boundary = "PortalApiBoundary" + HexFormat.of().formatHex(bytes(16));
    byte[] head = head(boundary, fields, fileName, contentType);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    long total = length < 0 ? -1 : head.length + length + tail.length;
    return RequestBody.of(
        () -> {
          InputStream content = new ExactLength(file.open(), length, repeatable);
          return new SequenceInputStream(
              Collections.enumeration(
                  List.of(
                      new ByteArrayInputStream(head), content, new ByteArrayInputStream(tail))));
        },
        total,
        "multipart/form-data; boundary=" + boundary,
        repeatable);
  }

  private static byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static byte[] head(
      String boundary, Map<String, String> fields, String fileName, String contentType) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    fields.forEach(
        (name, value) -> {
          ascii(out, "--" + boundary + "\r\n");
          utf8(out, "Content-Disposition: form-data; name=\"" + quote(name) + "\"\r\n\r\n");
          utf8(out, value);
          ascii(out, "\r\n");
        });
    ascii(out, "--" + boundary + "\r\n");
    utf8(
        out,
        "Content-Disposition: form-data; name=\""
            + FileUploadRequest.FILE_PART
            + "\"; filename=\""
            + quote(fileName)
            + "\"\r\n");
    ascii(out, "Content-Type: " + contentType + "\r\n\r\n");
    return out.toByteArray();
  }

  /**
   * A name made safe inside a quoted header parameter, as browsers encode form names: {@code "},
   * {@code \}, CR, LF and other control characters become percent escapes, so a name can neither
   * end the quoted string nor start a header of its own. Other characters are sent as UTF-8.
   */
  static String quote(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f) {
        out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void ascii(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static void utf8(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The file's content, checked against its declared length so a stream that is shorter or longer
   * fails with a clear message instead of a truncated upload. A caller's stream (not repeatable) is
   * not closed: the caller owns it.
   */
  private static final class ExactLength extends FilterInputStream {
    private final long length;
    private final boolean closeSource;
    private long count;

    ExactLength(InputStream in, long length, boolean closeSource) {
      super(in);
      this.length = length;
      this.closeSource = closeSource;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (length >= 0 && count >= length) {
        if (in.read() != -1) {
          throw new IOException(
              "the file's content is longer than its declared length of " + length + " bytes");
        }
        return -1;
      }
      int max = length < 0 ? len : (int) Math.min(len, length - count);
      int n = in.read(b, off, max);
      if (n < 0) {
        if (length >= 0 && count < length) {
          throw new IOException(
              "the file's content ended after " + count + " of its declared " + length + " bytes");
        }
        return -1;
      }
      count += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      return 0; // never skip file content
    }

    @Override
    public int available() throws IOException {
      return length < 0 ? in.available() : (int) Math.min(in.available(), length - count);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() throws IOException {
      if (closeSource) {
        in.close();
      }
    }
  }
}
