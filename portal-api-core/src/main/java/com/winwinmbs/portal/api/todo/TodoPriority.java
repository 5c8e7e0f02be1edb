package com.winwinmbs.portal.api.todo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * How urgent a todo is. Kept as the string the portal sends, so a value this client does not know
 * decodes and is sent back unchanged; compare with the constants.
 *
 * <pre>{@code
 * TodoCreateRequest.builder().title("Review contract").priority(TodoPriority.HIGH).build()
 * }</pre>
 *
 * @param value the wire value
 */
public record TodoPriority(@JsonValue String value) {

  /** {@code low}. */
  public static final TodoPriority LOW = new TodoPriority("low");

  /** {@code medium}. */
  public static final TodoPriority MEDIUM = new TodoPriority("medium");

  /** {@code high}. */
  public static final TodoPriority HIGH = new TodoPriority("high");

  /** {@code urgent}. */
  public static final TodoPriority URGENT = new TodoPriority("urgent");

  private static final List<TodoPriority> KNOWN = List.of(LOW, MEDIUM, HIGH, URGENT);

  public TodoPriority {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TodoPriority of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (TodoPriority known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new TodoPriority(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<TodoPriority> known() {
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
