package com.winwinmbs.portal.api.observation;

import io.micrometer.observation.Observation;

/**
 * The events of the {@code portal.api.client.requests} observation. A meter handler counts each as
 * {@code portal.api.client.requests.<event name>}, tagged like the call.
 */
public final class PortalObservationEvents {

  /** A failed attempt was retried. */
  public static final Observation.Event RETRY =
      Observation.Event.of("retries", "a failed attempt was retried");

  /** The portal rejected the token (401); a new one was taken and the request sent again. */
  public static final Observation.Event TOKEN_REFRESH =
      Observation.Event.of(
          "token.refreshes", "a rejected token was replaced and the request sent again");

  /** A token source fetched a new token from its token endpoint for the call. */
  public static final Observation.Event TOKEN_FETCH =
      Observation.Event.of("token.fetches", "a new token was fetched from the token endpoint");

  private PortalObservationEvents() {}
}
