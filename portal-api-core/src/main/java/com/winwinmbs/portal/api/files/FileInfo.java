package com.winwinmbs.portal.api.files;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A file stored by the portal: what {@code files().upload} returns and {@code files().findById}
 * reads.
 *
 * <pre>{@code
 * FileInfo avatar = portal.files().upload(Path.of("me.png"), FileUploadRequest.category("avatar"));
 * String avatarFileId = avatar.id(); // store it on user.avatar_file_id
 * }</pre>
 *
 * @param id the file id
 * @param originalName the name the file was uploaded with
 * @param fileName the name the portal stored it under
 * @param mimeType the media type, for example {@code image/png}
 * @param size the size in bytes
 * @param category the category given at upload, for example {@code avatar}
 * @param url where the file can be fetched, when the portal exposes one
 * @param checksum the portal's checksum of the content, as sent (for example a SHA-256 in hex)
 * @param isPublic whether the file is readable without a token
 * @param metadata free-form metadata
 * @param uploadedBy the id of the user who uploaded it
 * @param createdAt when it was uploaded
 * @param updatedAt when its metadata last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileInfo(
    @Nullable String id,
    @Nullable String originalName,
    @Nullable String fileName,
    @Nullable String mimeType,
    @Nullable Long size,
    @Nullable String category,
    @Nullable String url,
    @Nullable String checksum,
    @Nullable Boolean isPublic,
    @Nullable Map<String, Object> metadata,
    @Nullable String uploadedBy,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public FileInfo {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
