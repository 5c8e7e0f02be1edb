package com.winwinmbs.portal.api.autoconfigure;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpCookieHandling;
import org.springframework.util.ClassUtils;

/**
 * Keeps the HTTP library under the portal client from storing cookies: one client serves every
 * user, so a store of the library's own would send one user's refresh cookie with another's
 * requests. A session's cookies travel only through the client's session cookie link.
 */
final class PortalHttpCookies {

  /** Spring Boot 4.1 and later: the HTTP client settings know cookie handling. */
  private static final boolean SETTING_PRESENT =
      ClassUtils.isPresent(
          "org.springframework.boot.http.client.HttpCookieHandling",
          PortalHttpCookies.class.getClassLoader());

  private PortalHttpCookies() {}

  /**
   * The settings with cookie handling switched off, whatever {@code
   * spring.http.clients.cookie-handling} says; Spring Boot 4.0's settings have no cookie handling
   * and are returned as they are.
   */
  static HttpClientSettings disabled(HttpClientSettings settings) {
    return SETTING_PRESENT ? Boot41.disabled(settings) : settings;
  }

  /** Named only when the class exists, so Spring Boot 4.0 never loads it. */
  private static final class Boot41 {
    static HttpClientSettings disabled(HttpClientSettings settings) {
      return settings.withCookieHandling(HttpCookieHandling.DISABLE);
    }
  }
}
