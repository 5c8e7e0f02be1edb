package com.winwinmbs.portal.api.testing.archfixture.cycle.one;

import com.winwinmbs.portal.api.testing.archfixture.cycle.two.Two;

/** Half of a cycle between two packages below one top-level package of the fixture. */
public final class One {

  final Two two = new Two();
}
