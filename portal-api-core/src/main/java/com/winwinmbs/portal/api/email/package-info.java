/** The {@code email} namespace: sending, templates and delivery history. */
@NullMarked
package com.winwinmbs.portal.api.email;

import org.jspecify.annotations.NullMarked;
