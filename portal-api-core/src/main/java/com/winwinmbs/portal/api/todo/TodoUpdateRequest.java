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
 * The body of {@code todo().update}: the fields to change; fields left null are not sent.
 *
 * @param title a short summary
 * @param description the details
 * @param status where the todo stands
 * @param priority how urgent it is
 * @param dueDate the day it is due
 * @param assigneeUserId the user who does it
 * @param tags free labels
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TodoUpdateRequest(
    @Nullable String title,
    @Nullable String description,
    @Nullable TodoStatus status,
    @Nullable TodoPriority priority,
    @Nullable LocalDate dueDate,
    @Nullable String assigneeUserId,
    @Nullable List<String> tags,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public TodoUpdateRequest {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A builder for a {@link TodoUpdateRequest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.title = title;
    builder.description = description;
    builder.status = status;
    builder.priority = priority;
    builder.dueDate = dueDate;
    builder.assigneeUserId = assigneeUserId;
    builder.tags = tags;
    builder.additionalProperties.putAll(additionalProperties);
    return builder;
  }

  /** Builds a {@link TodoUpdateRequest}. */
  public static final class Builder {
    private @Nullable String title;
    private @Nullable String description;
    private @Nullable TodoStatus status;
    private @Nullable TodoPriority priority;
    private @Nullable LocalDate dueDate;
    private @Nullable String assigneeUserId;
    private @Nullable List<String> tags;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code title}: a short summary. */
    public Builder title(@Nullable String title) {
      this.title = title;
      return this;
    }

    /** Sets {@code description}: the details. */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /** Sets {@code status}: where the todo stands. */
    public Builder status(@Nullable TodoStatus status) {
      this.status = status;
      return this;
    }

    /** Sets {@code priority}: how urgent it is. */
    public Builder priority(@Nullable TodoPriority priority) {
      this.priority = priority;
      return this;
    }

    /** Sets {@code due_date}: the day it is due. */
    public Builder dueDate(@Nullable LocalDate dueDate) {
      this.dueDate = dueDate;
      return this;
    }

    /** Sets {@code assignee_user_id}: the user who does it. */
    public Builder assigneeUserId(@Nullable String assigneeUserId) {
      this.assigneeUserId = assigneeUserId;
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
    public TodoUpdateRequest build() {
      return new TodoUpdateRequest(
          title,
          description,
          status,
          priority,
          dueDate,
          assigneeUserId,
          tags,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
