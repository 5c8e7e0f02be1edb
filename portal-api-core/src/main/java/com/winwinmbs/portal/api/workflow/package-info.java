/**
 * The {@code workflow} namespace: approval workflows, their instances and the tasks waiting for a
 * decision.
 */
@NullMarked
package com.winwinmbs.portal.api.workflow;

import org.jspecify.annotations.NullMarked;
