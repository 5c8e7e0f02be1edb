package com.winwinmbs.portal.api.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * An event a webhook subscribes to, {@code <resource>.<action>}. A value the client does not know
 * decodes and re-encodes unchanged; {@link #isKnown()} tells the two apart.
 *
 * <pre>{@code
 * List<WebhookEvent> events = List.of(WebhookEvent.USER_CREATED, WebhookEvent.of("invoice.paid"));
 * }</pre>
 *
 * @param value the wire value
 */
public record WebhookEvent(@JsonValue String value) {

  /** {@code user.created}: a user was created */
  public static final WebhookEvent USER_CREATED = new WebhookEvent("user.created");

  /** {@code user.updated}: a user was changed */
  public static final WebhookEvent USER_UPDATED = new WebhookEvent("user.updated");

  /** {@code user.deleted}: a user was deleted */
  public static final WebhookEvent USER_DELETED = new WebhookEvent("user.deleted");

  /** {@code organization.created}: an organization unit was created */
  public static final WebhookEvent ORGANIZATION_CREATED = new WebhookEvent("organization.created");

  /** {@code organization.updated}: an organization unit was changed or moved */
  public static final WebhookEvent ORGANIZATION_UPDATED = new WebhookEvent("organization.updated");

  /** {@code organization.deleted}: an organization unit was deleted */
  public static final WebhookEvent ORGANIZATION_DELETED = new WebhookEvent("organization.deleted");

  /** {@code role.updated}: a role or its permissions changed */
  public static final WebhookEvent ROLE_UPDATED = new WebhookEvent("role.updated");

  /** {@code workflow.submitted}: a workflow instance was started */
  public static final WebhookEvent WORKFLOW_SUBMITTED = new WebhookEvent("workflow.submitted");

  /** {@code workflow.approved}: a workflow task was approved */
  public static final WebhookEvent WORKFLOW_APPROVED = new WebhookEvent("workflow.approved");

  /** {@code workflow.rejected}: a workflow task was rejected */
  public static final WebhookEvent WORKFLOW_REJECTED = new WebhookEvent("workflow.rejected");

  /** {@code workflow.completed}: a workflow instance finished */
  public static final WebhookEvent WORKFLOW_COMPLETED = new WebhookEvent("workflow.completed");

  /** {@code todo.created}: a todo was created */
  public static final WebhookEvent TODO_CREATED = new WebhookEvent("todo.created");

  /** {@code todo.completed}: a todo was completed */
  public static final WebhookEvent TODO_COMPLETED = new WebhookEvent("todo.completed");

  /** {@code file.uploaded}: a file was uploaded */
  public static final WebhookEvent FILE_UPLOADED = new WebhookEvent("file.uploaded");

  /** {@code file.deleted}: a file was deleted */
  public static final WebhookEvent FILE_DELETED = new WebhookEvent("file.deleted");

  private static final List<WebhookEvent> KNOWN =
      List.of(
          USER_CREATED,
          USER_UPDATED,
          USER_DELETED,
          ORGANIZATION_CREATED,
          ORGANIZATION_UPDATED,
          ORGANIZATION_DELETED,
          ROLE_UPDATED,
          WORKFLOW_SUBMITTED,
          WORKFLOW_APPROVED,
          WORKFLOW_REJECTED,
          WORKFLOW_COMPLETED,
          TODO_CREATED,
          TODO_COMPLETED,
          FILE_UPLOADED,
          FILE_DELETED);

  public WebhookEvent {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static WebhookEvent of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (WebhookEvent known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new WebhookEvent(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<WebhookEvent> known() {
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
