/**
 * A mock WINWIN Portal for tests and demos: {@link com.winwinmbs.portal.api.test.MockPortal}, its
 * JUnit 5 extension and its Spring test annotation.
 */
@NullMarked
package com.winwinmbs.portal.api.test;

import org.jspecify.annotations.NullMarked;
