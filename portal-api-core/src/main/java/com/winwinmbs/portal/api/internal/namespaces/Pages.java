package com.winwinmbs.portal.api.internal.namespaces;

import org.jspecify.annotations.Nullable;

/** Where a lazy iteration over every page starts. */
final class Pages {

  private Pages() {}

  /** The page a request asks for, or the first when it asks for none. */
  static int first(@Nullable Integer page) {
    return page == null ? 1 : page;
  }
}
