package com.winwinmbs.portal.api.testing.archfixture.cycle.two;

import com.winwinmbs.portal.api.testing.archfixture.cycle.one.One;

/** The other half of the fixture's cycle. */
public final class Two {

  One one() {
    return new One();
  }
}
