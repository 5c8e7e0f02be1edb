/** The {@code webhook} namespace: subscriptions that the portal calls on events. */
@NullMarked
package com.winwinmbs.portal.api.webhook;

import org.jspecify.annotations.NullMarked;
