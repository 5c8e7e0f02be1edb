package com.winwinmbs.portal.api.files;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The {@code files} namespace ({@code /files/*}): upload, download, metadata and deletion. Uploads
 * and downloads stream: a file of any size passes through a small buffer and is never held in
 * memory.
 *
 * <pre>{@code
 * FileInfo avatar = portal.files().upload(Path.of("avatar.png"), FileUploadRequest.category("avatar"));
 * portal.files().download(avatar.id(), Path.of("copy.png"));
 * try (FileDownload download = portal.files().download(avatar.id())) {
 *   download.inputStream().transferTo(response.getOutputStream());
 * }
 * }</pre>
 *
 * <p>An upload from a {@link Path} is sent again when a retry is allowed (a 401 answered by a fresh
 * token, a 429, or a 5xx with an Idempotency-Key): the file is opened anew. An upload from a
 * caller's {@link InputStream} can be read only once and is never retried.
 */
public final class FilesApi {

  private static final String OCTET_STREAM = "application/octet-stream";

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.files()}. */
  public FilesApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /**
   * Uploads a file with no form fields; see {@link #upload(Path, FileUploadRequest,
   * RequestOptions)}.
   */
  public FileInfo upload(Path file) {
    return upload(file, FileUploadRequest.none(), null);
  }

  /**
   * Uploads a file with form fields such as {@code category}; see {@link #upload(Path,
   * FileUploadRequest, RequestOptions)}.
   */
  public FileInfo upload(Path file, FileUploadRequest request) {
    return upload(file, request, null);
  }

  /**
   * Uploads a file as {@code multipart/form-data} (part {@code file}, then the request's fields),
   * streamed from disk with an exact {@code Content-Length}. The file name sent is the request's or
   * the file's own; the content type is the request's or guessed from the name.
   *
   * @return the stored file; its {@link FileInfo#id()} is the file id
   * @throws IllegalArgumentException when {@code file} is not a readable regular file
   */
  public FileInfo upload(Path file, FileUploadRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(request, "request == null");
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("not a readable regular file: " + file);
    }
    long length;
    try {
      length = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the size of " + file, e);
    }
    Path name = file.getFileName();
    String fileName =
        request.fileName() != null ? request.fileName() : name == null ? "file" : name.toString();
    String contentType =
        request.contentType() != null ? request.contentType() : guessContentType(file, fileName);
    RequestBody body =
        Multipart.body(
            request.fields(),
            fileName,
            contentType,
            length,
            () -> Files.newInputStream(file),
            true);
    return executor.execute(
        Call.to(Endpoints.FILES_UPLOAD).body(body).options(options), FileInfo.class);
  }

  /**
   * Uploads a stream; see {@link #upload(InputStream, String, String, long, FileUploadRequest,
   * RequestOptions)}.
   */
  public FileInfo upload(
      InputStream content,
      String fileName,
      String contentType,
      long length,
      FileUploadRequest request) {
    return upload(content, fileName, contentType, length, request, null);
  }

  /**
   * Uploads a stream as {@code multipart/form-data}, reading it as it is sent. The stream is read
   * once (so the request is never retried) and is not closed: the caller owns it.
   *
   * @param content the file's content
   * @param fileName the file name to send
   * @param contentType the file part's content type, for example {@code application/pdf}
   * @param length the exact number of bytes {@code content} holds, or -1 when unknown (the body is
   *     then sent chunked); a stream that ends early or holds more fails the upload
   * @param request form fields such as {@code category}; its file name and content type are not
   *     used
   * @return the stored file; its {@link FileInfo#id()} is the file id
   */
  public FileInfo upload(
      InputStream content,
      String fileName,
      String contentType,
      long length,
      FileUploadRequest request,
      @Nullable RequestOptions options) {
    Objects.requireNonNull(content, "content == null");
    Objects.requireNonNull(fileName, "fileName == null");
    Objects.requireNonNull(request, "request == null");
    if (length < -1) {
      throw new IllegalArgumentException(
          "length must be -1 (unknown) or the stream's exact byte count: " + length);
    }
    RequestBody body =
        Multipart.body(request.fields(), fileName, contentType, length, () -> content, false);
    return executor.execute(
        Call.to(Endpoints.FILES_UPLOAD).body(body).options(options), FileInfo.class);
  }

  /** Opens a file's content for reading; see {@link #download(String, RequestOptions)}. */
  public FileDownload download(String id) {
    return download(id, (RequestOptions) null);
  }

  /**
   * Opens a file's content for reading, with its name, type and length from the response headers.
   * The caller closes the returned download.
   *
   * @throws com.winwinmbs.portal.api.NotFoundException when no file has this id
   */
  public FileDownload download(String id, @Nullable RequestOptions options) {
    TransportResponse response = executor.executeStreaming(downloadCall(id, options));
    try {
      return new FileDownload(response);
    } catch (IOException | RuntimeException e) {
      closeQuietly(response);
      throw e instanceof IOException io
          ? new UncheckedIOException("could not open the download of file " + id, io)
          : (RuntimeException) e;
    }
  }

  /** Downloads a file into {@code target}; see {@link #download(String, Path, RequestOptions)}. */
  public DownloadSummary download(String id, Path target) {
    return download(id, target, null);
  }

  /**
   * Downloads a file into {@code target}, streamed through a temporary file beside it that replaces
   * {@code target} only once complete, so a failed download never leaves a partial file there.
   *
   * @throws IllegalArgumentException when {@code target} is a directory or its directory does not
   *     exist
   * @throws UncheckedIOException when the file cannot be written
   */
  public DownloadSummary download(String id, Path target, @Nullable RequestOptions options) {
    Objects.requireNonNull(target, "target == null");
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException(
          "target is a directory; pass the path of the file to write: " + target);
    }
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new IllegalArgumentException(
          "the directory to download into does not exist: " + directory);
    }
    return executor.send(
        downloadCall(id, options),
        response -> {
          FileDownload download = new FileDownload(response);
          Path temporary =
              directory.resolve(
                  "."
                      + absolute.getFileName()
                      + "."
                      + Long.toHexString(ThreadLocalRandom.current().nextLong())
                      + ".part");
          boolean done = false;
          OutputStream out = openOutput(temporary);
          try {
            long bytes = copy(download.inputStream(), out, target);
            closeOutput(out, target);
            moveInto(temporary, absolute);
            done = true;
            return new DownloadSummary(
                bytes, download.fileName().orElse(null), download.contentType().orElse(null));
          } finally {
            if (!done) {
              closeQuietly(out);
              deleteQuietly(temporary);
            }
          }
        },
        true);
  }

  /**
   * Downloads a file into a stream; see {@link #download(String, OutputStream, RequestOptions)}.
   */
  public DownloadSummary download(String id, OutputStream out) {
    return download(id, out, null);
  }

  /**
   * Downloads a file into a stream, which is neither flushed nor closed.
   *
   * @throws UncheckedIOException when writing to {@code out} fails
   */
  public DownloadSummary download(String id, OutputStream out, @Nullable RequestOptions options) {
    Objects.requireNonNull(out, "out == null");
    return executor.send(
        downloadCall(id, options),
        response -> {
          FileDownload download = new FileDownload(response);
          long bytes = copy(download.inputStream(), out, "the output stream");
          return new DownloadSummary(
              bytes, download.fileName().orElse(null), download.contentType().orElse(null));
        },
        true);
  }

  /** A file's metadata. */
  public FileInfo findById(String id) {
    return findById(id, null);
  }

  /** A file's metadata, with per-call options. */
  public FileInfo findById(String id, @Nullable RequestOptions options) {
    Objects.requireNonNull(id, "id == null");
    return executor.execute(
        Call.to(Endpoints.FILES_FIND_BY_ID).path("id", id).options(options), FileInfo.class);
  }

  /** Deletes a file. */
  public void delete(String id) {
    delete(id, null);
  }

  /** Deletes a file, with per-call options. */
  public void delete(String id, @Nullable RequestOptions options) {
    Objects.requireNonNull(id, "id == null");
    executor.executeVoid(Call.to(Endpoints.FILES_DELETE).path("id", id).options(options));
  }

  private static Call downloadCall(String id, @Nullable RequestOptions options) {
    Objects.requireNonNull(id, "id == null");
    RequestOptions effective = options == null ? RequestOptions.none() : options;
    if (effective.headers().first("Accept").isEmpty()) {
      // The route answers with the file's bytes, not JSON.
      effective = effective.toBuilder().header("Accept", "*/*").build();
    }
    return Call.to(Endpoints.FILES_DOWNLOAD).path("id", id).options(effective);
  }

  /**
   * Copies the content; a failure to read is the connection's (an {@link IOException}, reported as
   * a transport failure), a failure to write is the destination's (an {@link
   * UncheckedIOException}).
   */
  private static long copy(InputStream in, OutputStream out, Object destination)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) != -1) {
      try {
        out.write(buffer, 0, read);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the download to " + destination, e);
      }
      total += read;
    }
    return total;
  }

  private static OutputStream openOutput(Path temporary) {
    try {
      return Files.newOutputStream(
          temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + temporary + " to download into", e);
    }
  }

  private static void closeOutput(OutputStream out, Path target) {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the download to " + target, e);
    }
  }

  private static void moveInto(Path from, Path to) {
    try {
      try {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not move the download into " + to, e);
    }
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException ignored) {
      // already failing
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // already failing; a stray temporary file is the lesser harm
    }
  }

  private static String guessContentType(Path file, String fileName) {
    try {
      String probed = Files.probeContentType(file);
      if (probed != null) {
        return probed;
      }
    } catch (IOException | SecurityException ignored) {
      // fall back to the name
    }
    String guessed = URLConnection.guessContentTypeFromName(fileName);
    return guessed != null ? guessed : OCTET_STREAM;
  }

  private static void closeQuietly(TransportResponse response) {
    try {
      response.close();
    } catch (IOException ignored) {
      // already failing
    }
  }
}
