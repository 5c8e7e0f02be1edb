package com.winwinmbs.portal.api.autoconfigure;

/**
 * Thrown at startup when the {@code portal.api.*} configuration cannot work; carries what is wrong
 * and what to do about it, which the failure analyzer prints.
 */
public class PortalApiConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String description;

  private final String action;

  /**
   * @param description what is wrong, naming the properties involved
   * @param action what the user should set or change
   */
  public PortalApiConfigurationException(String description, String action) {
    super(description);
    this.description = description;
    this.action = action;
  }

  /** What is wrong. */
  public String description() {
    return this.description;
  }

  /** What to do about it. */
  public String action() {
    return this.action;
  }
}
