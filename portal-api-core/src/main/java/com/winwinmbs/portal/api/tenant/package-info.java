/** The {@code tenant} namespace: tenant sign-up, slug checks and the tenant's SSO configuration. */
@NullMarked
package com.winwinmbs.portal.api.tenant;

import org.jspecify.annotations.NullMarked;
