/**
 * Transport SPI: what the request pipeline hands to an HTTP client, and the JDK {@code HttpClient}
 * implementation.
 */
@NullMarked
package com.winwinmbs.portal.api.http;

import org.jspecify.annotations.NullMarked;
