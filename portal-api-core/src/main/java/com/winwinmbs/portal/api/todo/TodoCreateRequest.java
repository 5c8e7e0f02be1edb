package com.winwinmbs.portal.api.todo;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code todo().create}: a new todo.
 *
 * <pre>{@code
 * Todo todo = portal.todo().create(TodoCreateRequest.builder()
 *     .title("Review Q3 budget")
 *     .priority(TodoPriority.HIGH)
 *     .dueDate(LocalDate.of(2026, 12, 1))
 *     .assigneeUserId(userId)
 *     .build());
 * }</pre>
 *
 * @param title a short summary
 * @param description the details
 * @param priority how urgent it is; the portal's default when left out
 * @param dueDate the day it is due
 * @param assigneeUserId the user who does it; the caller when left out
 * @param referenceType the kind of record it is about
 * @param referenceId the id of the record it is about
 * @param tags free labels
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TodoCreateRequest(
    String title,
    @Nullable String description,
    @Nullable TodoPriority priority,
    @Nullable LocalDate dueDate,
    @Nullable String assigneeUserId,
    @Nullable String referenceType,
    @Nullable String referenceId,
    @Nullable List<String> tags,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public TodoCreateRequest {
    Objects.requireNonNull(title, "title == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link TodoCreateRequest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.title = title;
    builder.description = description;
    builder.priority = priority;
    builder.dueDate = dueDate;
    builder.assigneeUserId = assigneeUserId;
    builder.referenceType = referenceType;
    builder.referenceId = referenceId;
    builder.tags = tags;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link TodoCreateRequest}. */
  public static final class Builder {
    private @Nullable String title;
    private @Nullable String description;
    private @Nullable TodoPriority priority;
    private @Nullable LocalDate dueDate;
    private @Nullable String assigneeUserId;
    private @Nullable String referenceType;
    private @Nullable String referenceId;
    private @Nullable List<String> tags;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code title}: a short summary. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title == null");
      return this;
    }

    /** Sets {@code description}: the details. */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /** Sets {@code priority}: how urgent it is; the portal's default when left out. */
    public Builder priority(@Nullable TodoPriority priority) {
      this.priority = priority;
      return this;
    }

    /** Sets {@code due_date}: the day it is due. */
    public Builder dueDate(@Nullable LocalDate dueDate) {
      this.dueDate = dueDate;
      return this;
    }

    /** Sets {@code assignee_user_id}: the user who does it; the caller when left out. */
    public Builder assigneeUserId(@Nullable String assigneeUserId) {
      this.assigneeUserId = assigneeUserId;
      return this;
    }

    /** Sets {@code reference_type}: the kind of record it is about. */
    public Builder referenceType(@Nullable String referenceType) {
      this.referenceType = referenceType;
      return this;
    }

    /** Sets {@code reference_id}: the id of the record it is about. */
    public Builder referenceId(@Nullable String referenceId) {
      this.referenceId = referenceId;
      return this;
    }

    /** Sets {@code tags}: free labels. */
    public Builder tags(@Nullable List<String> tags) {
      this.tags = tags;
      return this;
    }

    /** Adds a field this client does not model, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    /** The request; fails when a required field is missing. */
    public TodoCreateRequest build() {
      return new TodoCreateRequest(
          title,
          description,
          priority,
          dueDate,
          assigneeUserId,
          referenceType,
          referenceId,
          tags,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
