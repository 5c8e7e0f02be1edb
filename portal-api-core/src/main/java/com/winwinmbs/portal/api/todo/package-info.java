/** The {@code todo} namespace: todos assigned to users. */
@NullMarked
package com.winwinmbs.portal.api.todo;

import org.jspecify.annotations.NullMarked;
