package com.winwinmbs.portal.api.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The state of a workflow definition. Kept as the string the portal sends, so a value this client
 * does not know decodes and is sent back unchanged; compare with the constants.
 *
 * <pre>{@code
 * boolean usable = workflow.status().equals(WorkflowStatus.ACTIVE);
 * }</pre>
 *
 * @param value the wire value
 */
public record WorkflowStatus(@JsonValue String value) {

  /** {@code draft}: being edited, cannot start. */
  public static final WorkflowStatus DRAFT = new WorkflowStatus("draft");

  /** {@code active}: instances may start. */
  public static final WorkflowStatus ACTIVE = new WorkflowStatus("active");

  /** {@code inactive}: no new instances. */
  public static final WorkflowStatus INACTIVE = new WorkflowStatus("inactive");

  /** {@code archived}: kept for history. */
  public static final WorkflowStatus ARCHIVED = new WorkflowStatus("archived");

  private static final List<WorkflowStatus> KNOWN = List.of(DRAFT, ACTIVE, INACTIVE, ARCHIVED);

  public WorkflowStatus {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static WorkflowStatus of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (WorkflowStatus known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new WorkflowStatus(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<WorkflowStatus> known() {
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
