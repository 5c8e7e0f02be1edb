/**
 * Client for the WINWIN Portal API: {@link com.winwinmbs.portal.api.PortalApiClient} and the types
 * every namespace shares.
 */
@NullMarked
package com.winwinmbs.portal.api;

import org.jspecify.annotations.NullMarked;
