package com.winwinmbs.portal.api.testing.archfixture.user;

import com.winwinmbs.portal.api.testing.archfixture.http.SharedType;

/** A namespace type of the architecture fixture that uses only a core type. */
public final class UserType {

  final SharedType shared = new SharedType();
}
