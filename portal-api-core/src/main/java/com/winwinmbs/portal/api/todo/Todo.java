package com.winwinmbs.portal.api.todo;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A todo: a piece of work assigned to a user, optionally tied to a portal record.
 *
 * <pre>{@code
 * Todo todo = portal.todo().findById(todoId);
 * boolean overdue = todo.dueDate() != null && todo.dueDate().isBefore(LocalDate.now());
 * }</pre>
 *
 * @param id the todo's id
 * @param title a short summary
 * @param description the details
 * @param status where the todo stands
 * @param priority how urgent it is
 * @param dueDate the day it is due
 * @param assigneeUserId the user who does it
 * @param createdBy the user who created it
 * @param referenceType the kind of record it is about, for example {@code workflow_task}
 * @param referenceId the id of the record it is about
 * @param tags free labels, empty when not sent
 * @param completedAt when it was completed
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Todo(
    String id,
    @Nullable String title,
    @Nullable String description,
    @Nullable TodoStatus status,
    @Nullable TodoPriority priority,
    @Nullable LocalDate dueDate,
    @Nullable String assigneeUserId,
    @Nullable String createdBy,
    @Nullable String referenceType,
    @Nullable String referenceId,
    List<String> tags,
    @Nullable Instant completedAt,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public Todo {
    Objects.requireNonNull(id, "id == null");
    tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
