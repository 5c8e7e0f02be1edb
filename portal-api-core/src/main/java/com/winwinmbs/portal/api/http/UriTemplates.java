package com.winwinmbs.portal.api.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expands URI templates with each variable percent-encoded as exactly one path segment, and encodes
 * query parameters; the one place the client turns ids into URI text.
 */
public final class UriTemplates {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final Map<String, List<Object>> PARSED = new ConcurrentHashMap<>();

  private UriTemplates() {}

  /**
   * The template with its variables replaced by their encoded values.
   *
   * @throws IllegalArgumentException when a variable is missing, empty, or not in the template
   */
  public static String expand(Endpoint endpoint, Map<String, String> variables) {
    List<Object> parts = PARSED.computeIfAbsent(endpoint.uriTemplate(), Endpoint::parse);
    StringBuilder out = new StringBuilder(endpoint.uriTemplate().length() + 32);
    int used = 0;
    for (Object part : parts) {
      if (part instanceof Endpoint.Variable variable) {
        String value = variables.get(variable.name());
        if (value == null) {
          throw new IllegalArgumentException(
              "path variable '"
                  + variable.name()
                  + "' of "
                  + endpoint.id()
                  + " ("
                  + endpoint.uriTemplate()
                  + ") is missing");
        }
        out.append(encodeSegment(variable.name(), value));
        used++;
      } else {
        out.append((String) part);
      }
    }
    if (used != variables.size()) {
      throw new IllegalArgumentException(
          "path variables "
              + variables.keySet()
              + " do not match "
              + endpoint.uriTemplate()
              + " of "
              + endpoint.id());
    }
    return out.toString();
  }

  /**
   * Encodes a value as one path segment: every byte but the RFC 3986 unreserved characters is
   * percent-encoded, so {@code /}, {@code ?}, {@code #} and {@code %} never act as delimiters, and
   * a value of {@code .} or {@code ..} is encoded whole so it is not read as a relative step.
   */
  public static String encodeSegment(String name, String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          "path variable '" + name + "' is empty; an empty id would address another route");
    }
    if (value.equals(".") || value.equals("..")) {
      return value.equals(".") ? "%2E" : "%2E%2E";
    }
    try {
      return encode(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("path variable '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * Percent-encodes every byte of the UTF-8 form but the unreserved characters.
   *
   * @throws IllegalArgumentException when the value holds an unpaired surrogate, which has no UTF-8
   *     form (encoding it as {@code ?} or U+FFFD would send another value)
   */
  public static String encode(String value) {
    int i = 0;
    while (i < value.length() && isUnreserved(value.charAt(i))) {
      i++;
    }
    if (i == value.length()) {
      return value;
    }
    requireWellFormed(value, i);
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  private static void requireWellFormed(String value, int from) {
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            String.format(
                "the value holds an unpaired surrogate U+%04X at index %d: it has no UTF-8 form, so it"
                    + " cannot be sent",
                (int) c, i));
      }
    }
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
