package com.winwinmbs.portal.api.files;

import com.winwinmbs.portal.api.RequestOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The {@code files} namespace ({@code /files/*}): upload, download, metadata and deletion. Uploads
 * and downloads stream: a file of any size passes through a small buffer and is never held in
 * memory. Obtained from {@code PortalApiClient.files()}.
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
 * caller's {@link InputStream} can be read only once and is never retried. Upload and download have
 * one method per source or destination: a file, a stream, or (download) an open handle.
 */
public interface FilesApi {

  /**
   * A view of this namespace whose every call sends these options, laid over the ones this view
   * already has ({@link RequestOptions#with(RequestOptions)}).
   */
  FilesApi withOptions(RequestOptions options);

  /**
   * Uploads a file as {@code multipart/form-data} ({@code POST /files/upload}; part {@code file},
   * then the request's fields such as {@code category}), streamed from disk with an exact {@code
   * Content-Length}. The file name sent is the request's or the file's own; the content type is the
   * request's or guessed from the name. {@link FileUploadRequest#none()} sends no fields.
   *
   * @return the stored file; its {@link FileInfo#id()} is the file id
   * @throws IllegalArgumentException when {@code file} is not a readable regular file
   */
  FileInfo upload(Path file, FileUploadRequest request);

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
  FileInfo upload(
      InputStream content,
      String fileName,
      String contentType,
      long length,
      FileUploadRequest request);

  /**
   * Opens a file's content for reading ({@code GET /files/{id}/download}), with its name, type and
   * length from the response headers. The caller closes the returned download.
   *
   * @throws com.winwinmbs.portal.api.NotFoundException when no file has this id
   */
  FileDownload download(String id);

  /**
   * Downloads a file into {@code target}, streamed through a temporary file beside it that replaces
   * {@code target} only once complete, so a failed download never leaves a partial file there.
   *
   * @throws IllegalArgumentException when {@code target} is a directory or its directory does not
   *     exist
   * @throws UncheckedIOException when the file cannot be written
   */
  DownloadSummary download(String id, Path target);

  /**
   * Downloads a file into a stream, which is neither flushed nor closed.
   *
   * @throws UncheckedIOException when writing to {@code out} fails
   */
  DownloadSummary download(String id, OutputStream out);

  /** A file's metadata ({@code GET /files/{id}}). */
  FileInfo findById(String id);

  /** Deletes a file ({@code DELETE /files/{id}}). */
  void delete(String id);
}
