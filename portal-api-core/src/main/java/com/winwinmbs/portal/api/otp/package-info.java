/** The {@code otp} namespace: one-time passwords by email or SMS. */
@NullMarked
package com.winwinmbs.portal.api.otp;

import org.jspecify.annotations.NullMarked;
