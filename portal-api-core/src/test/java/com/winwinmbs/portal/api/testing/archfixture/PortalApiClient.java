package com.winwinmbs.portal.api.testing.archfixture;

import com.winwinmbs.portal.api.testing.archfixture.internal.namespaces.DefaultFixtureUserApi;
import com.winwinmbs.portal.api.testing.archfixture.user.FixtureUserApi;

/** The fixture's client, the one class that may build namespace implementations. */
public final class PortalApiClient {

  private final FixtureUserApi user = new DefaultFixtureUserApi();

  public FixtureUserApi user() {
    return user;
  }
}
