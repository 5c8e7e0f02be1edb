package com.winwinmbs.portal.api.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The state of one run of a workflow. Kept as the string the portal sends, so a value this client
 * does not know decodes and is sent back unchanged; compare with the constants.
 *
 * <pre>{@code
 * WorkflowInstanceQuery.builder().status(WorkflowInstanceStatus.IN_PROGRESS).build()
 * }</pre>
 *
 * @param value the wire value
 */
public record WorkflowInstanceStatus(@JsonValue String value) {

  /** {@code pending}: started, no decision yet. */
  public static final WorkflowInstanceStatus PENDING = new WorkflowInstanceStatus("pending");

  /** {@code in_progress}: some steps decided. */
  public static final WorkflowInstanceStatus IN_PROGRESS =
      new WorkflowInstanceStatus("in_progress");

  /** {@code approved}: every step approved. */
  public static final WorkflowInstanceStatus APPROVED = new WorkflowInstanceStatus("approved");

  /** {@code rejected}: a step rejected it. */
  public static final WorkflowInstanceStatus REJECTED = new WorkflowInstanceStatus("rejected");

  /** {@code cancelled}: withdrawn by its initiator. */
  public static final WorkflowInstanceStatus CANCELLED = new WorkflowInstanceStatus("cancelled");

  private static final List<WorkflowInstanceStatus> KNOWN =
      List.of(PENDING, IN_PROGRESS, APPROVED, REJECTED, CANCELLED);

  public WorkflowInstanceStatus {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static WorkflowInstanceStatus of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (WorkflowInstanceStatus known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new WorkflowInstanceStatus(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<WorkflowInstanceStatus> known() {
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
