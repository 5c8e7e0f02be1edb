/** The {@code permission} namespace: the permissions roles grant. */
@NullMarked
package com.winwinmbs.portal.api.permission;

import org.jspecify.annotations.NullMarked;
