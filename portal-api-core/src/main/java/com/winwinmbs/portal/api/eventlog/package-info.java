/** The {@code eventLog} namespace: the portal's audit trail. */
@NullMarked
package com.winwinmbs.portal.api.eventlog;

import org.jspecify.annotations.NullMarked;
