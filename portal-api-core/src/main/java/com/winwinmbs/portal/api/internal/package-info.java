/** Implementation details of the client. Not API: anything here may change without notice. */
@NullMarked
package com.winwinmbs.portal.api.internal;

import org.jspecify.annotations.NullMarked;
