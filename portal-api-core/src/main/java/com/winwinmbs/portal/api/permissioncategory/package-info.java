/** The {@code permissionCategory} namespace: the tree that groups permissions. */
@NullMarked
package com.winwinmbs.portal.api.permissioncategory;

import org.jspecify.annotations.NullMarked;
