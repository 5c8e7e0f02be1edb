package com.winwinmbs.portal.api.files;

import org.jspecify.annotations.Nullable;

/**
 * What a download written to a file or stream delivered.
 *
 * @param bytes the number of bytes written
 * @param fileName the file name from {@code Content-Disposition}, or null when the portal sent none
 * @param contentType the {@code Content-Type} as sent, or null
 */
public record DownloadSummary(
    long bytes, @Nullable String fileName, @Nullable String contentType) {}
