/** The {@code line} namespace: linking portal users to LINE accounts and notifying them. */
@NullMarked
package com.winwinmbs.portal.api.line;

import org.jspecify.annotations.NullMarked;
