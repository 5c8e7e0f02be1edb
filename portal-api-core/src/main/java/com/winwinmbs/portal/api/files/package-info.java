/**
 * The {@code files} namespace: upload (streamed multipart/form-data), download (streamed), metadata
 * and deletion.
 */
@NullMarked
package com.winwinmbs.portal.api.files;

import org.jspecify.annotations.NullMarked;
