package com.winwinmbs.portal.api.files;

import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A file being downloaded: its content as a stream, read straight from the connection, and what the
 * response headers say about it. Close it (try-with-resources) to release the connection, whether
 * or not the content was read to the end.
 *
 * <pre>{@code
 * try (FileDownload download = portal.files().download(fileId)) {
 *   String name = download.fileName().orElse(fileId);
 *   download.inputStream().transferTo(out);
 * }
 * }</pre>
 */
public final class FileDownload implements AutoCloseable {

  private final TransportResponse response;
  private final InputStream content;
  private final @Nullable String fileName;
  private final @Nullable String contentType;
  private final long contentLength;

  /**
   * A download reading this response's body and headers; it closes the response when closed. The
   * client builds these; a test double of {@code FilesApi} can build one from its own response.
   *
   * @throws IOException when the response's body cannot be opened
   */
  public FileDownload(TransportResponse response) throws IOException {
    this.response = Objects.requireNonNull(response, "response == null");
    Headers headers = response.headers();
    this.fileName = ContentDisposition.fileName(headers.first("Content-Disposition").orElse(null));
    this.contentType =
        headers.first("Content-Type").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    this.contentLength = parseLength(headers.first("Content-Length").orElse(null));
    this.content = response.body();
  }

  /** The content, streamed from the connection; read it once. Closing it closes this download. */
  public InputStream inputStream() {
    return content;
  }

  /**
   * The file name from {@code Content-Disposition} ({@code filename*} preferred), reduced to its
   * last path segment; empty when the portal sent none.
   */
  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  /** The {@code Content-Type} as sent, for example {@code application/pdf}; empty when absent. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /**
   * The length in bytes from {@code Content-Length}, or -1 when the portal did not say (chunked).
   */
  public long contentLength() {
    return contentLength;
  }

  /** Every response header. */
  public Headers headers() {
    return response.headers();
  }

  /** Releases the connection; content not yet read is discarded. */
  @Override
  public void close() {
    try {
      content.close();
    } catch (IOException ignored) {
      // the connection is being given up; nothing useful can be done with a failure here
    }
    try {
      response.close();
    } catch (IOException ignored) {
      // as above
    }
  }

  @Override
  public String toString() {
    return "FileDownload[fileName="
        + fileName
        + ", contentType="
        + contentType
        + ", contentLength="
        + contentLength
        + "]";
  }

  private static long parseLength(@Nullable String value) {
    if (value == null) {
      return -1;
    }
    try {
      long length = Long.parseLong(value.trim());
      return length < 0 ? -1 : length;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
