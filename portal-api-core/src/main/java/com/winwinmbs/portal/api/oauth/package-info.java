/** Token sources that obtain access tokens with the OAuth 2.0 {@code client_credentials} grant. */
@NullMarked
package com.winwinmbs.portal.api.oauth;

import org.jspecify.annotations.NullMarked;
