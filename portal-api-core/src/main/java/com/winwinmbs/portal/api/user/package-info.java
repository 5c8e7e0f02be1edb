/**
 * The {@code user} namespace: user accounts, their roles and their positions in the organization.
 */
@NullMarked
package com.winwinmbs.portal.api.user;

import org.jspecify.annotations.NullMarked;
