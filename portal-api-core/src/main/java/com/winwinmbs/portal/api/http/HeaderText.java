package com.winwinmbs.portal.api.http;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a header name and value may hold, said without quoting the value, and how a header is shown
 * without its secrets: the rules {@link Headers} and its builder apply (see there).
 */
final class HeaderText {

  private static final Set<String> SENSITIVE =
      Set.of("authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie");

  private HeaderText() {}

  /** See {@link Headers#requireSendable(String, String)}. */
  static String requireSendable(String what, String value) {
    if (value == null) {
      throw new NullPointerException(what + " == null");
    }
    int index = firstInvalid(value, true);
    if (index >= 0) {
      throw invalidValue(what, value.charAt(index), index);
    }
    return value;
  }

  /** Whether a header's value is a credential that must never be printed. */
  static boolean isSensitive(String name) {
    return SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The index of the first character of {@code value} that a header value cannot hold, or -1: with
   * {@code toSend}, any character past ASCII counts too.
   */
  static int firstInvalid(String value, boolean toSend) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff || (toSend && c > 0x7f)) {
        return i;
      }
    }
    return -1;
  }

  static IllegalArgumentException invalidValue(String what, char c, int index) {
    String code = String.format("U+%04X", (int) c);
    if (c == '\r' || c == '\n' || c == 0) {
      return new IllegalArgumentException(
          what
              + " holds a CR, LF or NUL character ("
              + code
              + " at index "
              + index
              + "); such a value could inject headers. The value is not shown: it may be a credential");
    }
    String why =
        c > 0x7f && c <= 0xff
            ? ", outside ASCII: the JDK HTTP client would send it as '?'"
            : ", a character the JDK HTTP client refuses in a header value";
    return new IllegalArgumentException(
        what
            + " holds "
            + code
            + " at index "
            + index
            + why
            + "; a header value may hold visible ASCII, space and tab. The value is not shown:"
            + " it may be a credential");
  }

  static boolean isLocation(String name) {
    return name.equalsIgnoreCase("Location") || name.equalsIgnoreCase("Content-Location");
  }

  static String withoutQuery(String location) {
    int cut = location.length();
    int query = location.indexOf('?');
    int fragment = location.indexOf('#');
    if (query >= 0) {
      cut = query;
    }
    if (fragment >= 0 && fragment < cut) {
      cut = fragment;
    }
    return cut == location.length() ? location : location.substring(0, cut) + "?[REDACTED]";
  }

  static void checkName(String name) {
    Objects.requireNonNull(name, "header name == null");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("header name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isTokenChar(c)) {
        throw new IllegalArgumentException(
            "header name '"
                + printable(name)
                + "' holds "
                + String.format("U+%04X", (int) c)
                + ", a character not allowed in a name (index "
                + i
                + "); a name is letters, digits and !#$%&'*+-.^_`|~");
      }
    }
  }

  /** RFC 9110 {@code tchar}: what the JDK client accepts in a header name, and nothing else. */
  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  static void checkValue(String name, String value) {
    if (value == null) { // not requireNonNull(value, () -> …): that lambda is made on every call
      throw new NullPointerException("value of header " + name + " == null");
    }
    int index = firstInvalid(value, false);
    if (index >= 0) {
      // The value itself is never echoed: it may be a credential.
      throw invalidValue("value of header " + name, value.charAt(index), index);
    }
  }

  /** The name with every character outside visible ASCII shown as its code. */
  private static String printable(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c > 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }
}
