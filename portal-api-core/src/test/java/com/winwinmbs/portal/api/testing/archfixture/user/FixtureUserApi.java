package com.winwinmbs.portal.api.testing.archfixture.user;

/** A namespace interface of the architecture fixture. */
public interface FixtureUserApi {

  String findById(String id);
}
