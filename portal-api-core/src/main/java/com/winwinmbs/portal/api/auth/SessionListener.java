package com.winwinmbs.portal.api.auth;

import com.winwinmbs.portal.api.AuthenticationException;

/**
 * Told when a session ends on its own because the portal refused to refresh it: the guide's "log
 * out and go to /login", as a callback. Called once per ended session, on the thread whose call
 * found out, after the session has been cleared; not called for {@link
 * AuthApi#logout(SessionTokenSource)}.
 *
 * <pre>{@code
 * SessionTokenSource session =
 *     portal.auth().login(email, password, false, cause -> ui.showLogin("Your session has expired"));
 * }</pre>
 */
@FunctionalInterface
public interface SessionListener {

  /** The session expired; {@code cause} says how the refresh was refused. */
  void sessionExpired(AuthenticationException cause);
}
