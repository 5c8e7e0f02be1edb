package com.winwinmbs.portal.api.eventlog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The area of the portal an audit event belongs to. A value the client does not know decodes and
 * re-encodes unchanged; {@link #isKnown()} tells the two apart.
 *
 * <pre>{@code
 * SearchRequest.builder().filter("category", List.of(EventCategory.SECURITY.value())).build();
 * }</pre>
 *
 * @param value the wire value
 */
public record EventCategory(@JsonValue String value) {

  /** {@code authentication}: sign-in, sign-out, token and OTP events */
  public static final EventCategory AUTHENTICATION = new EventCategory("authentication");

  /** {@code authorization}: role and permission decisions and changes */
  public static final EventCategory AUTHORIZATION = new EventCategory("authorization");

  /** {@code user_management}: users created, changed or deleted */
  public static final EventCategory USER_MANAGEMENT = new EventCategory("user_management");

  /** {@code organization}: the organization tree */
  public static final EventCategory ORGANIZATION = new EventCategory("organization");

  /** {@code workflow}: workflow instances and tasks */
  public static final EventCategory WORKFLOW = new EventCategory("workflow");

  /** {@code data}: records read, created, changed or deleted */
  public static final EventCategory DATA = new EventCategory("data");

  /** {@code file}: files uploaded, downloaded or deleted */
  public static final EventCategory FILE = new EventCategory("file");

  /** {@code integration}: webhooks, LINE, email and other outbound calls */
  public static final EventCategory INTEGRATION = new EventCategory("integration");

  /** {@code system}: settings and maintenance */
  public static final EventCategory SYSTEM = new EventCategory("system");

  /** {@code security}: suspicious or blocked activity */
  public static final EventCategory SECURITY = new EventCategory("security");

  private static final List<EventCategory> KNOWN =
      List.of(
          AUTHENTICATION,
          AUTHORIZATION,
          USER_MANAGEMENT,
          ORGANIZATION,
          WORKFLOW,
          DATA,
          FILE,
          INTEGRATION,
          SYSTEM,
          SECURITY);

  public EventCategory {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static EventCategory of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (EventCategory known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new EventCategory(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<EventCategory> known() {
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
