/** A runnable Spring Boot application that calls the WINWIN Portal through the starter. */
@NullMarked
package com.winwinmbs.portal.sample;

import org.jspecify.annotations.NullMarked;
