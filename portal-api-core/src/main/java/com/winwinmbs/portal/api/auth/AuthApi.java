package com.winwinmbs.portal.api.auth;

import com.winwinmbs.portal.api.RequestOptions;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code auth} namespace: the integration guide's session routes. It holds no session: a login
 * returns a new {@link SessionTokenSource} for the user who signed in, and the calls that act on a
 * session take it, so one shared client (and one shared Spring bean) serves every user without a
 * session ever reaching another's call.
 *
 * <pre>{@code
 * SessionTokenSource session = portal.auth().login("admin@acme.com", password, true);
 * CurrentUser me = portal.auth().withOptions(session.requestOptions()).me();
 * portal.auth().logout(session);
 * }</pre>
 *
 * <p>SSO logins start by sending a browser to {@link #ssoLoginUrl(SsoProvider, String)} and finish
 * with {@link #ssoCallback(URI, String)} and {@link #completeSso(SsoCallback)}.
 */
public interface AuthApi {

  /** This namespace with these options on every call (merged over any already bound). */
  AuthApi withOptions(RequestOptions options);

  /**
   * {@code POST /auth/login}: signs in with email and password and returns the new session (its
   * access token, the refresh cookie, the user and tenant). The password goes with this request
   * only and is kept nowhere.
   *
   * @param rememberMe whether the portal should keep the refresh cookie beyond the browser session
   */
  SessionTokenSource login(String email, String password, boolean rememberMe);

  /**
   * {@code POST /auth/login}, with a listener the session tells once when it expires (the portal
   * refused to refresh it), for example to send the user back to the login page.
   */
  SessionTokenSource login(
      String email, String password, boolean rememberMe, SessionListener listener);

  /**
   * {@code POST /auth/refresh}: exchanges the session's refresh cookie for a new access token,
   * which the session uses from now on. A refresh already under way is joined rather than repeated.
   *
   * @throws com.winwinmbs.portal.api.AuthenticationException when the session is not active, or the
   *     portal refused the refresh (the session then expires and its listener is told)
   * @throws IllegalArgumentException when the session was not started by {@code login} or {@code
   *     completeSso} (another implementation of {@link SessionTokenSource})
   */
  RefreshResult refresh(SessionTokenSource session);

  /**
   * {@code POST /auth/logout}: ends the session at the portal (with its own token, as it is, and
   * its refresh cookie), then clears it here whatever the answer. A session that is not active is
   * only cleared.
   *
   * @throws IllegalArgumentException when the session was not started by {@code login} or {@code
   *     completeSso} (another implementation of {@link SessionTokenSource})
   */
  void logout(SessionTokenSource session);

  /**
   * {@code GET /auth/me}: who the call's token belongs to: a session's with {@code
   * withOptions(session.requestOptions())} (the session then records the answer), else the
   * client's.
   */
  CurrentUser me();

  /**
   * The URL of {@code GET /auth/sso/login} for a browser to follow; nothing is sent. A fresh random
   * {@code state} is added as a query parameter and returned: keep it with the user's browser
   * session and check it with {@link #ssoCallback(URI, String)}.
   *
   * @param redirect where the front end goes after the login (the portal's default is {@code /}),
   *     or null
   */
  SsoLogin ssoLoginUrl(SsoProvider provider, @Nullable String redirect);

  /**
   * Reads the front end's SSO callback URL ({@code …/auth/callback?token=…&tenant=…&state=…}) and
   * checks it ({@link SsoStateCheck#REQUIRED}): the {@code state} must be the one {@link
   * #ssoLoginUrl} issued, and the token and tenant must be present. Nothing is sent.
   *
   * @throws SsoCallbackException when the callback must not be trusted; the message says why
   */
  SsoCallback ssoCallback(URI callbackUrl, String expectedState);

  /** As {@link #ssoCallback(URI, String)}, checking the state as {@code check} says. */
  SsoCallback ssoCallback(URI callbackUrl, String expectedState, SsoStateCheck check);

  /** As {@link #ssoCallback(URI, String)}, from the callback's query parameters, decoded. */
  SsoCallback ssoCallback(Map<String, String> parameters, String expectedState);

  /** As {@link #ssoCallback(Map, String)}, checking the state as {@code check} says. */
  SsoCallback ssoCallback(
      Map<String, String> parameters, String expectedState, SsoStateCheck check);

  /**
   * Asks {@code GET /auth/me} who the callback's token belongs to, as the guide's callback page
   * does, and returns a new session with that token and user. A token the portal refuses fails the
   * call ({@link com.winwinmbs.portal.api.AuthenticationException}) without a refresh and starts no
   * session.
   */
  SessionTokenSource completeSso(SsoCallback callback);

  /** As {@link #completeSso(SsoCallback)}, with a listener told when the session expires. */
  SessionTokenSource completeSso(SsoCallback callback, SessionListener listener);
}
