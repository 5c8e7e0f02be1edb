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
    Path temporary =
        directory.resolve(
            "."
                + absolute.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".part");
    FileSink sink = new FileSink(temporary, target);
    boolean done = false;
    try {
      DownloadSummary summary = new ResumableDownload(executor, options, id, sink).run();
      sink.close();
      moveInto(temporary, absolute);
      done = true;
      return summary;
    } finally {
      if (!done) {
        sink.closeQuietly();
        deleteQuietly(temporary);
      }
    }
  }

  @Override
  public DownloadSummary download(String id, OutputStream out) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(out, "out == null");
    return new ResumableDownload(executor, options, id, new StreamSink(out)).run();
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
    return Call.to(Endpoints.FILES_DOWNLOAD).path("id", id).options(downloadOptions(options));
  }

  /** The options of a download: the route answers with the file's bytes, not JSON. */
  static RequestOptions downloadOptions(RequestOptions options) {
    return options.headers().first("Accept").isPresent()
        ? options
        : options.with(RequestOptions.builder().header("Accept", "*/*").build());
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

  /** A temporary file the download is written into, truncated to start again. */
  private static final class FileSink implements ResumableDownload.Sink {
    private final Path target;
    private final java.nio.channels.FileChannel channel;
    private long written;

    FileSink(Path temporary, Path target) {
      this.target = target;
      try {
        this.channel =
            java.nio.channels.FileChannel.open(
                temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new UncheckedIOException("could not create " + temporary + " to download into", e);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      try {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the download to " + target, e);
      }
      written += length;
    }

    @Override
    public long written() {
      return written;
    }

    @Override
    public boolean canRestart() {
      return true;
    }

    @Override
    public void restart() {
      try {
        channel.truncate(0);
        channel.position(0);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the download to " + target + " again", e);
      }
      written = 0;
    }

    void close() {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the download to " + target, e);
      }
    }

    void closeQuietly() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  /** The caller's stream: bytes written to it cannot be taken back. */
  private static final class StreamSink implements ResumableDownload.Sink {
    private final OutputStream out;
    private long written;

    StreamSink(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the download to the output stream", e);
      }
      written += length;
    }

    @Override
    public long written() {
      return written;
    }

    @Override
    public boolean canRestart() {
      return written == 0;
    }

    @Override
    public void restart() {
      if (written > 0) {
        throw new IllegalStateException(
            "the file changed while it was downloaded (the portal answered the resumed request"
                + " with the whole file): the "
                + written
                + " bytes already written to the output stream belong to the earlier version;"
                + " download it again");
      }
    }
  }
}
