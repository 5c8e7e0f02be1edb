package com.winwinmbs.portal.api.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Immutable HTTP headers with case-insensitive names, in the order they were added.
 *
 * <p>Names are RFC 9110 tokens (letters, digits and {@code !#$%&'*+-.^_`|~}); a value may hold
 * visible characters, space and tab, but no other control character (CR, LF, NUL, ESC, DEL, …) and
 * no character past U+00FF. These are exactly the characters the JDK {@code HttpClient} (17 and 25)
 * refuses in a request header and never delivers in a response header; it refuses them with a
 * message that quotes the whole value, a credential included, so {@link Builder} refuses them
 * first, naming the header, the character's code and its index, never the value. A value to be sent
 * must also be ASCII ({@link #requireSendable(String, String)}): the JDK client sends each
 * character from U+0080 to U+00FF as {@code ?}, which would silently send another token.
 *
 * <p>{@link #toString()} redacts the values of credential headers ({@code Authorization}, {@code
 * X-API-Key}, {@code Cookie}, {@code Set-Cookie}, {@code Proxy-Authorization}) and the query of
 * {@code Location}, so headers can be logged or printed without leaking secrets.
 */
public final class Headers {

  private static final Set<String> SENSITIVE =
      Set.of("authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie");

  private static final Headers EMPTY = new Headers(Map.of());

  /** Lower-cased name to (original name, values). */
  private final Map<String, Entry> entries;

  private Headers(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** No headers. */
  public static Headers empty() {
    return EMPTY;
  }

  /** Headers copied from a map of names to values. */
  public static Headers of(Map<String, ? extends List<String>> map) {
    Builder builder = builder();
    map.forEach((name, values) -> values.forEach(value -> builder.add(name, value)));
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Refuses a value that cannot be sent as a header value as it is: besides what {@link Builder}
   * refuses, any character past ASCII, which the JDK client would send as {@code ?}.
   *
   * @param what how the message names the value, for example {@code "value of header X-API-Key"} or
   *     {@code "token"}
   * @param value the value; never shown in the message, it may be a credential
   * @return the value
   * @throws IllegalArgumentException naming {@code what}, the character's code and its index
   */
  public static String requireSendable(String what, String value) {
    Objects.requireNonNull(value, () -> what + " == null");
    int index = firstInvalid(value, true);
    if (index >= 0) {
      throw invalidValue(what, value.charAt(index), index);
    }
    return value;
  }

  /** Refuses every value of these headers that {@link #requireSendable} refuses. */
  static void requireSendable(Headers headers) {
    headers
        .entries
        .values()
        .forEach(
            entry ->
                entry.values.forEach(
                    value -> requireSendable("value of header " + entry.name, value)));
  }

  /**
   * The index of the first character of {@code value} that a header value cannot hold, or -1: with
   * {@code toSend}, any character past ASCII counts too.
   */
  private static int firstInvalid(String value, boolean toSend) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff || (toSend && c > 0x7f)) {
        return i;
      }
    }
    return -1;
  }

  private static IllegalArgumentException invalidValue(String what, char c, int index) {
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

  /** Whether a header's value is a credential that must never be printed. */
  public static boolean isSensitive(String name) {
    return SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The first value of the named header. */
  public Optional<String> first(String name) {
    Entry entry = entries.get(name.toLowerCase(Locale.ROOT));
    return entry == null ? Optional.empty() : Optional.of(entry.values.get(0));
  }

  /** Every value of the named header, empty when absent. */
  public List<String> values(String name) {
    Entry entry = entries.get(name.toLowerCase(Locale.ROOT));
    return entry == null ? List.of() : entry.values;
  }

  /** The header names as first added. */
  public List<String> names() {
    List<String> names = new ArrayList<>(entries.size());
    entries.values().forEach(entry -> names.add(entry.name));
    return names;
  }

  /** Whether no header is present. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The headers as a map of original names to values. */
  public Map<String, List<String>> toMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    entries.values().forEach(entry -> map.put(entry.name, entry.values));
    return Collections.unmodifiableMap(map);
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    entries.values().forEach(entry -> entry.values.forEach(v -> builder.add(entry.name, v)));
    return builder;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Headers headers && toLowerMap().equals(headers.toLowerMap());
  }

  private Map<String, List<String>> toLowerMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    entries.forEach((key, entry) -> map.put(key, entry.values));
    return map;
  }

  @Override
  public int hashCode() {
    return toLowerMap().hashCode();
  }

  /**
   * The headers with credential values replaced by {@code [REDACTED]}, and the query and fragment
   * of {@code Location} and {@code Content-Location} too.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (Entry entry : entries.values()) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(entry.name).append('=');
      if (isSensitive(entry.name)) {
        out.append("[REDACTED]");
      } else if (isLocation(entry.name)) {
        // a redirect's query may carry a token (an SSO callback's ?token=…): show where, not what
        out.append(String.join(",", entry.values.stream().map(Headers::withoutQuery).toList()));
      } else {
        out.append(String.join(",", entry.values));
      }
    }
    return out.append('}').toString();
  }

  private static boolean isLocation(String name) {
    return name.equalsIgnoreCase("Location") || name.equalsIgnoreCase("Content-Location");
  }

  private static String withoutQuery(String location) {
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

  private record Entry(String name, List<String> values) {}

  /** Builds {@link Headers}; refuses names and values that would break the header block. */
  public static final class Builder {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a value, keeping earlier values of the same name. */
    public Builder add(String name, String value) {
      String key = checkName(name);
      checkValue(name, value);
      names.putIfAbsent(key, name);
      values.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
      return this;
    }

    /** Replaces every value of the name with this one. */
    public Builder set(String name, String value) {
      String key = checkName(name);
      checkValue(name, value);
      names.put(key, name);
      List<String> list = new ArrayList<>(1);
      list.add(value);
      values.put(key, list);
      return this;
    }

    /** Removes the name. */
    public Builder remove(String name) {
      String key = name.toLowerCase(Locale.ROOT);
      names.remove(key);
      values.remove(key);
      return this;
    }

    public Headers build() {
      if (names.isEmpty()) {
        return EMPTY;
      }
      Map<String, Entry> entries = new LinkedHashMap<>();
      names.forEach((key, name) -> entries.put(key, new Entry(name, List.copyOf(values.get(key)))));
      return new Headers(Collections.unmodifiableMap(entries));
    }

    private static String checkName(String name) {
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
      return name.toLowerCase(Locale.ROOT);
    }

    /** RFC 9110 {@code tchar}: what the JDK client accepts in a header name, and nothing else. */
    private static boolean isTokenChar(char c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static void checkValue(String name, String value) {
      Objects.requireNonNull(value, () -> "value of header " + name + " == null");
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
}
