package com.winwinmbs.portal.api.files;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The form fields sent beside the file of an upload ({@code category} and any other field the
 * portal accepts), and for a {@code Path} upload an optional file name and content type in place of
 * the file's own.
 *
 * <pre>{@code
 * FileUploadRequest request = FileUploadRequest.builder()
 *     .category("contract")
 *     .field("entity_type", "customer")
 *     .field("entity_id", customerId)
 *     .build();
 * }</pre>
 *
 * @param fields the form fields in the order they are sent, by wire name
 * @param fileName the file name to send, or null for the file's own (a {@code Path} upload only)
 * @param contentType the file part's content type, or null to guess it from the file name
 */
public record FileUploadRequest(
    Map<String, String> fields, @Nullable String fileName, @Nullable String contentType) {

  /** The name of the part that carries the file itself; no form field may use it. */
  public static final String FILE_PART = "file";

  private static final FileUploadRequest NONE = new FileUploadRequest(Map.of(), null, null);

  public FileUploadRequest {
    Objects.requireNonNull(fields, "fields == null");
    Map<String, String> copy = new LinkedHashMap<>();
    fields.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, "field name == null");
          Objects.requireNonNull(value, () -> "value of field " + name + " == null");
          if (name.isBlank()) {
            throw new IllegalArgumentException("field name must not be blank");
          }
          if (name.equals(FILE_PART)) {
            throw new IllegalArgumentException(
                "the part name 'file' holds the file itself; choose another field name");
          }
          copy.put(name, value);
        });
    fields = Collections.unmodifiableMap(copy);
    if (contentType != null) {
      checkContentType(contentType);
    }
  }

  /** No fields: the file alone. */
  public static FileUploadRequest none() {
    return NONE;
  }

  /** Only a {@code category} field, as in {@code files.upload(formData, {category: 'avatar'})}. */
  public static FileUploadRequest category(String category) {
    return builder().category(category).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FileUploadRequest}. */
  public static final class Builder {
    private final Map<String, String> fields = new LinkedHashMap<>();
    private @Nullable String fileName;
    private @Nullable String contentType;

    private Builder() {}

    /** The {@code category} form field, for example {@code avatar}. */
    public Builder category(String category) {
      return field("category", category);
    }

    /** Adds a form field (a later value of the same name replaces an earlier one). */
    public Builder field(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, () -> "value of field " + name + " == null");
      fields.put(name, value);
      return this;
    }

    /** The file name to send in place of the file's own. */
    public Builder fileName(@Nullable String fileName) {
      this.fileName = fileName;
      return this;
    }

    /** The file part's content type, in place of the one guessed from the file name. */
    public Builder contentType(@Nullable String contentType) {
      this.contentType = contentType;
      return this;
    }

    public FileUploadRequest build() {
      return new FileUploadRequest(fields, fileName, contentType);
    }
  }

  private static void checkContentType(String contentType) {
    Objects.requireNonNull(contentType, "contentType == null");
    if (contentType.isBlank() || contentType.indexOf('/') < 0) {
      throw new IllegalArgumentException(
          "contentType must be a media type such as application/pdf: '" + contentType + "'");
    }
    for (int i = 0; i < contentType.length(); i++) {
      char c = contentType.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            "contentType holds a control or non-ASCII character (index "
                + i
                + "); it would break the part's headers");
      }
    }
  }
}
