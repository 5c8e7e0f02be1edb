package com.winwinmbs.portal.api.testing.archfixture.leak;

import com.winwinmbs.portal.api.testing.archfixture.internal.InternalType;

/** A package-private type of the architecture fixture: its public members are not API. */
final class HiddenType {

  public InternalType notApi() {
    return new InternalType();
  }
}
