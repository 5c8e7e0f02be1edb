/**
 * Auto-configuration for the WINWIN Portal API client: {@code portal.api.*} properties, the client
 * and namespace beans, authentication, metrics and health.
 */
@NullMarked
package com.winwinmbs.portal.api.autoconfigure;

import org.jspecify.annotations.NullMarked;
