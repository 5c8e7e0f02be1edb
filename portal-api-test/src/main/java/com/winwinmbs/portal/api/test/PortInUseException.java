package com.winwinmbs.portal.api.test;

/**
 * A {@link MockPortal} could not start because its port is taken, most often by another mock
 * portal. Start it on another port, or on port 0 for a free one.
 */
public final class PortInUseException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final int port;

  PortInUseException(int port, Throwable cause) {
    super("Port " + port + " on 127.0.0.1 is already in use", cause);
    this.port = port;
  }

  /** The port that was taken. */
  public int port() {
    return port;
  }
}
