package com.winwinmbs.portal.api.eventlog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * Who performed an audited action. A value the client does not know decodes and re-encodes
 * unchanged; {@link #isKnown()} tells the two apart.
 *
 * <pre>{@code
 * boolean byMachine = log.actorType() != null && log.actorType().equals(ActorType.SERVICE);
 * }</pre>
 *
 * @param value the wire value
 */
public record ActorType(@JsonValue String value) {

  /** {@code user}: a signed-in person */
  public static final ActorType USER = new ActorType("user");

  /** {@code system}: the portal itself (jobs, schedules) */
  public static final ActorType SYSTEM = new ActorType("system");

  /** {@code service}: an application calling with a machine-to-machine token */
  public static final ActorType SERVICE = new ActorType("service");

  /** {@code api_key}: a caller identified by an API key */
  public static final ActorType API_KEY = new ActorType("api_key");

  /** {@code anonymous}: an unauthenticated caller */
  public static final ActorType ANONYMOUS = new ActorType("anonymous");

  private static final List<ActorType> KNOWN = List.of(USER, SYSTEM, SERVICE, API_KEY, ANONYMOUS);

  public ActorType {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ActorType of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (ActorType known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new ActorType(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<ActorType> known() {
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
