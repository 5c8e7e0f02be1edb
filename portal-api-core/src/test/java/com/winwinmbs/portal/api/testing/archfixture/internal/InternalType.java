package com.winwinmbs.portal.api.testing.archfixture.internal;

/** An internal type of the architecture fixture, which no public signature outside may name. */
public final class InternalType {}
