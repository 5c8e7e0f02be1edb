/**
 * JMH benchmarks and measurement programs: the client against raw HTTP clients and peer libraries,
 * all calling one in-process {@link com.winwinmbs.portal.api.benchmarks.StubPortal}.
 */
@NullMarked
package com.winwinmbs.portal.api.benchmarks;

import org.jspecify.annotations.NullMarked;
