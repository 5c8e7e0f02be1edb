package com.winwinmbs.portal.api.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks and normalises the URLs a client is given. */
public final class Urls {

  /**
   * The user info of an absolute URL: scheme, "//", then anything up to the last '@' before the
   * path.
   */
  private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

  private Urls() {}

  /**
   * An absolute http(s) URL with a host, no user info, query or fragment, and no trailing slash.
   *
   * @param name the setting's name, for messages
   */
  public static String normalizeBaseUrl(String url, String name) {
    Objects.requireNonNull(url, name + " == null");
    String trimmed = url.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(
          name
              + " is empty; set it to the portal's base URL, for example https://api.winwinmbs.com");
    }
    URI uri = parse(trimmed, name);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String authority = uri.getRawAuthority();
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + path;
  }

  /**
   * A path prefix such as {@code /api}: empty for none, else starting with {@code /}, without a
   * trailing slash, a query, a fragment or characters a path segment cannot hold unencoded.
   */
  public static String normalizePathPrefix(String prefix, String name) {
    Objects.requireNonNull(prefix, name + " == null");
    String path = prefix.trim();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      return "";
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException(
          name + " must start with '/', for example /api: " + Printable.escape(prefix));
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "/-._~".indexOf(c) >= 0;
      if (!allowed) {
        throw new IllegalArgumentException(
            name
                + " may hold letters, digits, '/', '-', '.', '_' and '~' only; found '"
                + Printable.escape(String.valueOf(c))
                + "' at index "
                + i);
      }
    }
    if (path.contains("//")
        || path.contains("/./")
        || path.contains("/../")
        || path.endsWith("/.")
        || path.endsWith("/..")) {
      throw new IllegalArgumentException(
          name + " must name plain path segments, for example /api: " + path);
    }
    return path;
  }

  /**
   * An absolute http(s) URL, checked like a base URL but kept as given (a token endpoint may have a
   * query).
   */
  public static URI absoluteHttpUrl(String url, String name) {
    Objects.requireNonNull(url, name + " == null");
    return parse(url.trim(), name);
  }

  /** The URL with any user info (credentials before '@') replaced, safe to print. */
  public static String redactUserInfo(String url) {
    return USER_INFO.matcher(url).replaceFirst("$1[REDACTED]@");
  }

  private static URI parse(String url, String name) {
    String shown = redactUserInfo(url); // messages never echo credentials
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // without the cause: its message holds the whole URL, user info included
      throw new IllegalArgumentException(
          name + " '" + shown + "' is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null || !uri.isAbsolute()) {
      throw new IllegalArgumentException(
          name
              + " '"
              + shown
              + "' is not absolute; write the scheme and host, for example https://api.winwinmbs.com");
    }
    if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
      throw new IllegalArgumentException(
          name + " '" + shown + "' must use http or https, not " + scheme);
    }
    if (uri.getRawUserInfo() != null) {
      // never echo the URL: the user info may be a password
      throw new IllegalArgumentException(
          name
              + " must not carry user info (credentials before '@'); configure a token source or API key instead");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(name + " '" + shown + "' has no host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      if (name.equals("tokenEndpoint") && uri.getRawFragment() == null) {
        return uri;
      }
      throw new IllegalArgumentException(
          name + " '" + shown + "' must not have a query or fragment");
    }
    return uri;
  }

  /**
   * Whether the URL's host is a loopback name or address, without a DNS lookup: {@code localhost}
   * and names under {@code .localhost} (reserved for loopback, RFC 6761), an IPv4 literal in
   * 127.0.0.0/8, or the IPv6 literal {@code ::1}. Any other name is not trusted, however it reads
   * ({@code 127.0.0.1.nip.io} resolves wherever its DNS says).
   */
  public static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      return isLoopbackLiteral(host.substring(1, host.length() - 1), IPV6_LITERAL);
    }
    return isLoopbackLiteral(host, IPV4_LITERAL);
  }

  private static final Pattern IPV4_LITERAL =
      Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");

  /** Hex digits, colons and dots only (a zone id or anything else is not a loopback literal). */
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:.]+");

  private static boolean isLoopbackLiteral(String host, Pattern literal) {
    if (!literal.matcher(host).matches()) {
      return false;
    }
    try {
      // a literal address: parsed, never looked up
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Refuses to send credentials over plain http to a host that is not loopback, unless allowed.
   *
   * @param what what would be sent, for the message (for example "tokens and API keys")
   */
  public static void requireSecure(URI uri, String name, String what, boolean allowInsecureHttp) {
    if (allowInsecureHttp || !"http".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri)) {
      return;
    }
    throw new IllegalArgumentException(
        name
            + " uses plain http to "
            + uri.getHost()
            + ", so "
            + what
            + " would travel unencrypted; use https, or allow it explicitly (allowInsecureHttp(true)) on a trusted network");
  }
}
