package com.winwinmbs.portal.api.auth;

import com.winwinmbs.portal.api.AuthenticationException;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.tenant.Tenant;
import java.util.Optional;
import java.util.Set;

/**
 * One user's session with the portal, as {@link AuthApi#login(String, String, boolean)} or {@link
 * AuthApi#completeSso(SsoCallback)} start it: the access token, the httpOnly refresh cookie that
 * came with it, and who is signed in. As a {@link TokenSource} it sends the access token; when the
 * portal rejects it (401), it refreshes through {@code POST /auth/refresh} once for all concurrent
 * callers, and each of them is sent once more. When the portal refuses the refresh, the session is
 * cleared, its {@link SessionListener} is told once, and every caller gets an {@link
 * AuthenticationException}.
 *
 * <p>A session belongs to one user. A server keeps each user's session with that user (in the
 * user's HTTP session, say) and passes it per call, so one shared client and its shared namespace
 * beans serve every user without ever mixing them:
 *
 * <pre>{@code
 * SessionTokenSource session = portal.auth().login(email, password, false);
 * httpSession.setAttribute("portal", session);
 * // later, in that user's requests:
 * List<McpToken> tokens = portal.mcpToken().withOptions(session.requestOptions()).list();
 * portal.auth().logout(session);
 * }</pre>
 *
 * <p>A single-user application may instead build a client for its session: {@code
 * portal.toBuilder().tokenSource(session).build()}.
 *
 * <p>States: active (logged in), expired (the portal refused to refresh it: calls that take their
 * token from the session fail with {@link AuthenticationException} without being sent) and cleared
 * (logged out or {@link #clear()}ed: calls go out without a token). Its {@code toString()} shows
 * the state and the cookie names, never a token or a cookie's value.
 */
public interface SessionTokenSource extends TokenSource {

  /** Whether the session holds an access token (not expired, logged out or cleared). */
  boolean isActive();

  /** Whether the session ended because the portal refused to refresh it. */
  boolean isExpired();

  /** The signed-in user, from the login or the latest {@code me()} through this session. */
  Optional<SessionUser> user();

  /** The signed-in user's tenant, from the login or the latest {@code me()}. */
  Optional<Tenant> tenant();

  /** The names of the cookies the session holds (their values are never shown). */
  Set<String> cookieNames();

  /**
   * Options that make a call act for this session: its token (refreshed on 401) and, as the guide
   * advises for clients outside a browser, its tenant as {@code X-Tenant-Id}. Pass them to {@code
   * withOptions} of any namespace.
   */
  RequestOptions requestOptions();

  /** Forgets the token, the cookies and the user without calling the portal. */
  void clear();
}
