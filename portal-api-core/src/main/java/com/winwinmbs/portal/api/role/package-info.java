/** The {@code role} namespace: roles and the permissions they grant. */
@NullMarked
package com.winwinmbs.portal.api.role;

import org.jspecify.annotations.NullMarked;
