package com.winwinmbs.portal.api;

/** Sort direction, sent as {@code ASC} or {@code DESC}. */
public enum SortOrder {
  ASC,
  DESC
}
