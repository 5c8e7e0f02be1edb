package com.winwinmbs.portal.api.internal;

import org.jspecify.annotations.Nullable;

/**
 * Makes text a server controls safe to put into an exception message or a log line: every control
 * character is written as an escape, so a CR or LF cannot start a forged log line and an ANSI
 * escape sequence ({@code ESC [ 31 m}) cannot recolour or rewrite a terminal.
 */
public final class Printable {

  private Printable() {}

  /**
   * The text with control characters escaped: {@code \n}, {@code \r} and {@code \t} as such, every
   * other C0 or C1 control character, DEL, the line and paragraph separators U+2028 and U+2029 and
   * the bidirectional overrides and isolates (which reorder what a reader sees) as {@code \}{@code
   * uXXXX}. Everything else, backslashes included, is kept as it is.
   */
  public static @Nullable String escape(@Nullable String text) {
    if (text == null) {
      return null;
    }
    int first = 0;
    while (first < text.length() && !needsEscape(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
