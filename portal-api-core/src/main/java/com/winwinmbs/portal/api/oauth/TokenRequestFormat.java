package com.winwinmbs.portal.api.oauth;

/** How a {@code client_credentials} token request is written. */
public enum TokenRequestFormat {
  /**
   * The portal's token endpoint: a JSON body {@code {grant_type, client_id, client_secret,
   * scope?}}, as the TypeScript client 2.0.0 sends it.
   */
  JSON,
  /**
   * A standard RFC 6749 server: a form body {@code grant_type=client_credentials&scope=…} with the
   * client authenticated by HTTP Basic ({@code client_secret_basic}).
   */
  FORM
}
