package com.winwinmbs.portal.api.testing.archfixture.todo;

import com.winwinmbs.portal.api.testing.archfixture.http.SharedType;
import com.winwinmbs.portal.api.testing.archfixture.user.UserType;

/** A namespace type of the architecture fixture that wrongly uses another namespace. */
public final class TodoType {

  final SharedType shared = new SharedType();
  final UserType user = new UserType();
}
