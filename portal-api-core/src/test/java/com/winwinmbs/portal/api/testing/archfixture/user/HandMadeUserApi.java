package com.winwinmbs.portal.api.testing.archfixture.user;

import com.winwinmbs.portal.api.testing.archfixture.internal.namespaces.DefaultFixtureUserApi;

/**
 * Wrongly implements a namespace interface outside the implementations' package, and builds one.
 */
public final class HandMadeUserApi implements FixtureUserApi {

  private final FixtureUserApi delegate = new DefaultFixtureUserApi();

  @Override
  public String findById(String id) {
    return delegate.findById(id);
  }
}
