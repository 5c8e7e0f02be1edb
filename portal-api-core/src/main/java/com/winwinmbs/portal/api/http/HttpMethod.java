package com.winwinmbs.portal.api.http;

/** HTTP methods the portal's routes use. */
public enum HttpMethod {
  GET,
  POST,
  PUT,
  PATCH,
  DELETE;

  /** Whether RFC 9110 defines this method as idempotent. */
  public boolean isIdempotent() {
    return this != POST && this != PATCH;
  }
}
