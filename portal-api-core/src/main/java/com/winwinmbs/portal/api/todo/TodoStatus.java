package com.winwinmbs.portal.api.todo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * Where a todo stands. Kept as the string the portal sends, so a value this client does not know
 * decodes and is sent back unchanged; compare with the constants.
 *
 * <pre>{@code
 * boolean done = todo.status().equals(TodoStatus.COMPLETED);
 * }</pre>
 *
 * @param value the wire value
 */
public record TodoStatus(@JsonValue String value) {

  /** {@code pending}: not started. */
  public static final TodoStatus PENDING = new TodoStatus("pending");

  /** {@code in_progress}. */
  public static final TodoStatus IN_PROGRESS = new TodoStatus("in_progress");

  /** {@code completed}. */
  public static final TodoStatus COMPLETED = new TodoStatus("completed");

  /** {@code cancelled}. */
  public static final TodoStatus CANCELLED = new TodoStatus("cancelled");

  private static final List<TodoStatus> KNOWN = List.of(PENDING, IN_PROGRESS, COMPLETED, CANCELLED);

  public TodoStatus {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TodoStatus of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (TodoStatus known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new TodoStatus(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<TodoStatus> known() {
    return KNOWN;
  }

  /** Whether this is one of the values this client knows. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  @Override
  public String toString() {
    return value;
  }
}
