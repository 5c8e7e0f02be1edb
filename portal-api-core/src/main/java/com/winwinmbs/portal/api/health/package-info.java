/** The {@code health} namespace: the portal's health check. */
@NullMarked
package com.winwinmbs.portal.api.health;

import org.jspecify.annotations.NullMarked;
