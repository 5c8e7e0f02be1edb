package com.winwinmbs.portal.api.testing.archfixture.tenant;

import com.winwinmbs.portal.api.testing.archfixture.auth.SessionType;

/** A tenant type of the architecture fixture using auth: the reverse edge, not allowed. */
public final class TenantToAuthType {

  final SessionType session = new SessionType();
}
