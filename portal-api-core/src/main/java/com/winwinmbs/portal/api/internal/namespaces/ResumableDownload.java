package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.files.DownloadSummary;
import com.winwinmbs.portal.api.files.FileDownload;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A download into a destination that survives a broken transfer: each attempt is bounded by idle
 * time (no byte for the timeout), never by the whole transfer; after a break it asks for the rest
 * ({@code Range} with {@code If-Range}) when the portal offered byte ranges ({@code Accept-Ranges:
 * bytes}) and a validator (a strong {@code ETag} or {@code Last-Modified}), else it starts again
 * from the first byte. Breaks are retried as the client's retry policy allows; the bytes written
 * are checked against the file's length.
 */
final class ResumableDownload {

  /** Where the bytes go. */
  interface Sink {
    /** Writes bytes; a failure of the destination is an {@link java.io.UncheckedIOException}. */
    void write(byte[] bytes, int offset, int length);

    /** Bytes written so far. */
    long written();

    /** Whether the bytes written can be discarded, to start again from the first byte. */
    boolean canRestart();

    /** Discards the bytes written. */
    void restart();
  }

  private static final Pattern CONTENT_RANGE =
      Pattern.compile("\\s*bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)\\s*", Pattern.CASE_INSENSITIVE);

  private final RequestExecutor executor;
  private final RequestOptions options;
  private final String id;
  private final Sink sink;

  private @Nullable String validator;
  private boolean ranges;
  private long total = -1;
  private @Nullable String fileName;
  private @Nullable String contentType;
  private boolean answered;

  ResumableDownload(RequestExecutor executor, RequestOptions options, String id, Sink sink) {
    this.executor = executor;
    this.options = options;
    this.id = id;
    this.sink = sink;
  }

  DownloadSummary run() {
    RetryPolicy policy = executor.settings().retryPolicy();
    int breaks = 0;
    while (true) {
      long from = sink.written();
      boolean resuming = from > 0 && ranges && validator != null;
      answered = false;
      try {
        executor.send(
            call(resuming ? from : 0), response -> transfer(response, from, resuming), true);
        if (total >= 0 && sink.written() != total) {
          throw incomplete();
        }
        return new DownloadSummary(sink.written(), fileName, contentType);
      } catch (TransportException e) {
        if (!answered // no answer at all: the request path has retried that already
            || e.kind() == TransportException.Kind.INTERRUPTED
            || breaks >= policy.maxAttempts() - 1) {
          throw e;
        }
        if (sink.written() > 0 && !(ranges && validator != null) && !sink.canRestart()) {
          throw new TransportException(
              e.getMessage()
                  + " (not resumed: the portal offers no byte ranges for this file, and what was"
                  + " written to the stream cannot be taken back)",
              e.kind(),
              e.error(),
              e.attempts(),
              e.getCause());
        }
        breaks++;
        pause(policy, breaks);
      }
    }
  }

  /** Reads one answer into the sink: the rest after {@code from}, or the whole file. */
  private @Nullable Void transfer(
      com.winwinmbs.portal.api.http.TransportResponse response, long from, boolean resuming)
      throws IOException {
    answered = true;
    Headers headers = response.headers();
    FileDownload download = new FileDownload(response);
    if (resuming && response.status() == 206) {
      Matcher range = CONTENT_RANGE.matcher(headers.first("Content-Range").orElse(""));
      if (!range.matches() || Long.parseLong(range.group(1)) != from) {
        // not the part asked for: start again rather than stitch bytes that may not fit
        sink.restart();
        ranges = false;
        throw new IOException("the portal answered the range request with another part");
      }
      if (!range.group(3).equals("*")) {
        total = Long.parseLong(range.group(3));
      }
    } else {
      // the whole file: the first answer, or the file changed (If-Range) or ranges were ignored
      if (sink.written() > 0) {
        sink.restart();
      }
      total = download.contentLength();
      ranges =
          headers.first("Accept-Ranges").map(v -> v.trim().equalsIgnoreCase("bytes")).orElse(false);
      validator = validator(headers);
    }
    if (fileName == null) {
      fileName = download.fileName().orElse(null);
    }
    if (contentType == null) {
      contentType = download.contentType().orElse(null);
    }
    InputStream in = download.inputStream();
    byte[] buffer = new byte[64 * 1024];
    int read;
    while ((read = in.read(buffer)) != -1) {
      sink.write(buffer, 0, read);
    }
    return null;
  }

  /** A strong ETag or a Last-Modified date: what {@code If-Range} may name. */
  private static @Nullable String validator(Headers headers) {
    String etag = headers.first("ETag").map(String::trim).orElse(null);
    if (etag != null && etag.startsWith("\"") && etag.length() > 1) {
      return etag; // a weak one (W/"…") may not be used in If-Range
    }
    return headers.first("Last-Modified").map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
  }

  private Call call(long from) {
    RequestOptions call = DefaultFilesApi.downloadOptions(options);
    if (from > 0 && validator != null) {
      call =
          call.with(
              RequestOptions.builder()
                  .header("Range", "bytes=" + from + "-")
                  .header("If-Range", validator)
                  .build());
    }
    return Call.to(Endpoints.FILES_DOWNLOAD).path("id", id).options(call);
  }

  private void pause(RetryPolicy policy, int retry) {
    long cap = policy.backoffCap(retry).toMillis();
    Duration wait = Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    try {
      executor.settings().sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(
          "interrupted while waiting to resume the download of file " + id,
          TransportException.Kind.INTERRUPTED,
          PortalError.noResponse("GET", Endpoints.FILES_DOWNLOAD.uriTemplate()),
          0,
          e);
    }
  }

  private PortalApiException incomplete() {
    String template = Endpoints.FILES_DOWNLOAD.uriTemplate();
    return new PortalApiException(
        "the download of file "
            + id
            + " ended after "
            + sink.written()
            + " of its "
            + total
            + " bytes [GET "
            + template
            + "]",
        new PortalError(
            200,
            "INCOMPLETE_DOWNLOAD",
            null,
            Map.of("expected", total, "received", sink.written()),
            null,
            template,
            "GET",
            null,
            null),
        1,
        null);
  }
}
