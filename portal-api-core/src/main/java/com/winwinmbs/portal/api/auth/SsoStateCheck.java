package com.winwinmbs.portal.api.auth;

/**
 * How an SSO callback's {@code state} is checked against the one {@link
 * AuthApi#ssoLoginUrl(SsoProvider, String)} issued.
 *
 * <p>The client adds its own random {@code state} to the SSO login URL so that a callback can be
 * tied to the login this browser started (protection against login CSRF: a callback forged to sign
 * the victim in as the attacker). That works when the portal hands the parameter back on the
 * callback URL. The portal also keeps a state of its own for the identity provider's leg, which the
 * client cannot see.
 */
public enum SsoStateCheck {

  /**
   * The callback must carry the state issued, unchanged; a callback without one is refused. The
   * default: it fails closed when the portal does not echo the state, and says so.
   */
  REQUIRED,

  /**
   * For a portal that does not hand the client's state back: a callback without a state is accepted
   * (the portal's own state protects the identity provider's leg), and one that carries a state
   * must carry the one issued. Choose it knowingly: a callback without a state is then tied to no
   * login, so check on your side that this browser started one moments ago.
   */
  IF_ECHOED
}
