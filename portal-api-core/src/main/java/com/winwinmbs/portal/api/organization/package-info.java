/**
 * The {@code organization} namespace: the organization tree (group, company, department, team, …).
 */
@NullMarked
package com.winwinmbs.portal.api.organization;

import org.jspecify.annotations.NullMarked;
