package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.files.DownloadSummary;
import com.winwinmbs.portal.api.files.FileDownload;
import com.winwinmbs.portal.api.files.FileInfo;
import com.winwinmbs.portal.api.files.FileUploadRequest;
import com.winwinmbs.portal.api.files.FilesApi;
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

/** The client's {@link FilesApi}: streamed multipart uploads, streamed downloads. */
public final class DefaultFilesApi implements FilesApi {

  private static final String OCTET_STREAM = "application/octet-stream";

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultFilesApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultFilesApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public FilesApi withOptions(RequestOptions options) {
    return new DefaultFilesApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public FileInfo upload(Path file, FileUploadRequest request) {
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
    // the request's constructor checks the content type, the guessed one included
    FileUploadRequest part = new FileUploadRequest(request.fields(), fileName, contentType);
    RequestBody body = Multipart.body(part, length, () -> Files.newInputStream(file), true);
    return executor.execute(
        Call.to(Endpoints.FILES_UPLOAD).body(body).options(options), FileInfo.class);
  }

  @Override
  public FileInfo upload(
      InputStream content,
      String fileName,
      String contentType,
      long length,
      FileUploadRequest request) {
    Objects.requireNonNull(content, "content == null");
    Objects.requireNonNull(fileName, "fileName == null");
    Objects.requireNonNull(contentType, "contentType == null");
    Objects.requireNonNull(request, "request == null");
    if (length < -1) {
      throw new IllegalArgumentException(
          "length must be -1 (unknown) or the stream's exact byte count: " + length);
    }
    FileUploadRequest part = new FileUploadRequest(request.fields(), fileName, contentType);
    RequestBody body = Multipart.body(part, length, () -> content, false);
    return executor.execute(
        Call.to(Endpoints.FILES_UPLOAD).body(body).options(options), FileInfo.class);
  }

  @Override
  public FileDownload download(String id) {
    TransportResponse response = executor.executeStreaming(downloadCall(id));
    try {
      return new FileDownload(response);
    } catch (IOException | RuntimeException e) {
      closeQuietly(response);
      throw e instanceof IOException io
          ? new UncheckedIOException("could not open the download of file " + id, io)
          : (RuntimeException) e;
    }
  }

  @Override
  public DownloadSummary download(String id, Path target) {
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
        downloadCall(id),
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

  @Override
  public DownloadSummary download(String id, OutputStream out) {
    Objects.requireNonNull(out, "out == null");
    return executor.send(
        downloadCall(id),
        response -> {
          FileDownload download = new FileDownload(response);
          long bytes = copy(download.inputStream(), out, "the output stream");
          return new DownloadSummary(
              bytes, download.fileName().orElse(null), download.contentType().orElse(null));
        },
        true);
  }

  @Override
  public FileInfo findById(String id) {
    Objects.requireNonNull(id, "id == null");
    return executor.execute(
        Call.to(Endpoints.FILES_FIND_BY_ID).path("id", id).options(options), FileInfo.class);
  }

  @Override
  public void delete(String id) {
    Objects.requireNonNull(id, "id == null");
    executor.executeVoid(Call.to(Endpoints.FILES_DELETE).path("id", id).options(options));
  }

  private Call downloadCall(String id) {
    Objects.requireNonNull(id, "id == null");
    RequestOptions effective = options;
    if (effective.headers().first("Accept").isEmpty()) {
      // The route answers with the file's bytes, not JSON.
      effective = effective.with(RequestOptions.builder().header("Accept", "*/*").build());
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
