package com.winwinmbs.portal.api.testing.archfixture.tenant;

/** A tenant type of the architecture fixture. */
public final class TenantType {}
