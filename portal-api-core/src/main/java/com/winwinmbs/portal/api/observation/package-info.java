/**
 * Micrometer Observation support: the context and convention of {@code portal.api.client.requests}.
 */
@NullMarked
package com.winwinmbs.portal.api.observation;

import org.jspecify.annotations.NullMarked;
