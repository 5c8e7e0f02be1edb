package com.winwinmbs.portal.api.testing.archfixture.auth;

import com.winwinmbs.portal.api.testing.archfixture.tenant.TenantType;

/** An auth type of the architecture fixture using a tenant type: an edge the rule allows. */
public final class SessionType {

  final TenantType tenant = new TenantType();
}
