package com.winwinmbs.portal.api.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The state of one approval task. Kept as the string the portal sends, so a value this client does
 * not know decodes and is sent back unchanged; compare with the constants.
 *
 * <pre>{@code
 * WorkflowTaskQuery.builder().assigneeUserId(me).status(WorkflowTaskStatus.PENDING).build()
 * }</pre>
 *
 * @param value the wire value
 */
public record WorkflowTaskStatus(@JsonValue String value) {

  /** {@code pending}: waiting for its assignee. */
  public static final WorkflowTaskStatus PENDING = new WorkflowTaskStatus("pending");

  /** {@code approved}. */
  public static final WorkflowTaskStatus APPROVED = new WorkflowTaskStatus("approved");

  /** {@code rejected}. */
  public static final WorkflowTaskStatus REJECTED = new WorkflowTaskStatus("rejected");

  /** {@code cancelled}: the instance ended first. */
  public static final WorkflowTaskStatus CANCELLED = new WorkflowTaskStatus("cancelled");

  /** {@code skipped}: the step did not apply. */
  public static final WorkflowTaskStatus SKIPPED = new WorkflowTaskStatus("skipped");

  private static final List<WorkflowTaskStatus> KNOWN =
      List.of(PENDING, APPROVED, REJECTED, CANCELLED, SKIPPED);

  public WorkflowTaskStatus {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static WorkflowTaskStatus of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (WorkflowTaskStatus known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new WorkflowTaskStatus(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<WorkflowTaskStatus> known() {
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
