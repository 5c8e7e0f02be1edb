package com.winwinmbs.portal.api;

import com.winwinmbs.portal.api.internal.RequestExecutor;

/**
 * What the core's tests read of a client that its public API does not show: its request path, to
 * send a call to any route of the catalog through exactly the client's links.
 */
public final class ClientInternals {

  private ClientInternals() {}

  /** The client's request path. */
  public static RequestExecutor executor(PortalApiClient client) {
    return client.executor();
  }
}
