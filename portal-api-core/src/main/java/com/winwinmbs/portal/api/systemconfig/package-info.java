/** The {@code systemConfig} namespace: the portal's system settings. */
@NullMarked
package com.winwinmbs.portal.api.systemconfig;

import org.jspecify.annotations.NullMarked;
