package com.winwinmbs.portal.api.testing.archfixture.http;

/** A core type of the architecture fixture, which every namespace may use. */
public final class SharedType {}
