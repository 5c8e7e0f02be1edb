package com.winwinmbs.portal.api.organization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The kind of an organization unit, from the top of the tree down. Kept as the string the portal
 * sends, so a value this client does not know decodes and is sent back unchanged; compare with the
 * constants.
 *
 * <pre>{@code
 * OrganizationCreateRequest.builder().code("HR").name("Human Resources").type(OrganizationType.DEPARTMENT)...
 * }</pre>
 *
 * @param value the wire value
 */
public record OrganizationType(@JsonValue String value) {

  /** {@code group}: a group of companies. */
  public static final OrganizationType GROUP = new OrganizationType("group");

  /** {@code company}. */
  public static final OrganizationType COMPANY = new OrganizationType("company");

  /** {@code branch}. */
  public static final OrganizationType BRANCH = new OrganizationType("branch");

  /** {@code division}. */
  public static final OrganizationType DIVISION = new OrganizationType("division");

  /** {@code department}. */
  public static final OrganizationType DEPARTMENT = new OrganizationType("department");

  /** {@code section}. */
  public static final OrganizationType SECTION = new OrganizationType("section");

  /** {@code team}. */
  public static final OrganizationType TEAM = new OrganizationType("team");

  /** {@code unit}. */
  public static final OrganizationType UNIT = new OrganizationType("unit");

  private static final List<OrganizationType> KNOWN =
      List.of(GROUP, COMPANY, BRANCH, DIVISION, DEPARTMENT, SECTION, TEAM, UNIT);

  public OrganizationType {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static OrganizationType of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (OrganizationType known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new OrganizationType(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<OrganizationType> known() {
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
