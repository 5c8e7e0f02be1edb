package com.winwinmbs.portal.api.testing.archfixture.internal.namespaces;

import com.winwinmbs.portal.api.testing.archfixture.user.FixtureUserApi;

/** The fixture's namespace implementation, where implementations belong. */
public final class DefaultFixtureUserApi implements FixtureUserApi {

  @Override
  public String findById(String id) {
    return id;
  }
}
