/**
 * The {@code auth} namespace: the integration guide's session routes (login, refresh, logout, the
 * current user, SSO) and {@link com.winwinmbs.portal.api.auth.SessionTokenSource}, the session that
 * holds the access token and the refresh cookie.
 */
@NullMarked
package com.winwinmbs.portal.api.auth;

import org.jspecify.annotations.NullMarked;
