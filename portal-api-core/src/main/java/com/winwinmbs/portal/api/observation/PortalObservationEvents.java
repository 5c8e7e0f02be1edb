package com.winwinmbs.portal.api.observation;

import com.winwinmbs.portal.api.internal.TokenExchange;
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

  /**
   * Records {@link #TOKEN_FETCH} on the portal call waiting on this thread for its token, if any:
   * for a token source that fetches tokens by other means than the client's own providers (which
   * report their fetches themselves).
   */
  public static void tokenFetched() {
    TokenExchange.reportFetch();
  }
}
