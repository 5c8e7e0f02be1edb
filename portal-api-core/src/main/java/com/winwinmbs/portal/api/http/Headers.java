package com.winwinmbs.portal.api.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

  private static final Headers EMPTY = new Headers(new String[0], emptyValues(0));

  /** Beyond this many names a builder keeps an index, so adding stays linear in the headers. */
  private static final int INDEX_THRESHOLD = 16;

  // Parallel arrays in the order the names were first added: a handful of headers is faster to
  // build, copy and search this way than as a map, and every request and response makes some.
  private final String[] names;
  private final List<String>[] values; // immutable, never empty

  /**
   * Whether every value is known to be sendable ({@link #requireSendable(String, String)}). Set
   * once proven, like {@code String}'s hash: a race only repeats the check.
   */
  private boolean sendable;

  /** {@link #foldedHash} of each name, made on the first look-up. */
  private int @Nullable [] hashes;

  private Headers(String[] names, List<String>[] values) {
    this.names = names;
    this.values = values;
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] emptyValues(int size) {
    return (List<String>[]) new List<?>[size];
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

  /**
   * The headers of a response as the JDK client delivers them: one entry per name (its map is
   * case-insensitive), HTTP/2 pseudo-headers left out. Names and values are checked as {@link
   * Builder} checks them; the value lists are kept when immutable.
   */
  static Headers ofDistinct(Map<String, List<String>> map) {
    if (map.isEmpty()) {
      return EMPTY;
    }
    String[] names = new String[map.size()];
    List<String>[] values = emptyValues(map.size());
    int size = 0;
    for (Map.Entry<String, List<String>> entry : map.entrySet()) {
      String name = entry.getKey();
      List<String> list = entry.getValue();
      if (name.startsWith(":") || list.isEmpty()) {
        continue; // HTTP/2 pseudo-headers
      }
      HeaderText.checkName(name);
      for (int i = 0; i < list.size(); i++) {
        HeaderText.checkValue(name, list.get(i));
      }
      names[size] = name;
      values[size] = List.copyOf(list);
      size++;
    }
    if (size == 0) {
      return EMPTY;
    }
    return size == names.length
        ? new Headers(names, values)
        : new Headers(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
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
    return HeaderText.requireSendable(what, value);
  }

  /** Refuses every value of these headers that {@link #requireSendable} refuses. */
  static void requireSendable(Headers headers) {
    if (headers.sendable) {
      return;
    }
    for (int i = 0; i < headers.names.length; i++) {
      List<String> values = headers.values[i];
      for (int j = 0; j < values.size(); j++) {
        if (HeaderText.firstInvalid(values.get(j), true) >= 0) {
          requireSendable("value of header " + headers.names[i], values.get(j)); // throws
        }
      }
    }
    headers.sendable = true;
  }

  /** Whether a header's value is a credential that must never be printed. */
  public static boolean isSensitive(String name) {
    return HeaderText.isSensitive(name);
  }

  /**
   * The position of the name, or -1. Names are tokens, ASCII only, so comparing them ignoring case
   * is comparing them with ASCII letters folded. Each name's folded hash is compared first: a
   * response is asked for a dozen headers, and comparing every name letter by letter each time cost
   * more than the rest of reading its headers.
   */
  private int indexOf(String name) {
    int[] known = hashes;
    if (known == null) {
      known = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        known[i] = foldedHash(names[i]);
      }
      hashes = known; // like String's hash: a race only computes it twice
    }
    int hash = foldedHash(name);
    for (int i = 0; i < known.length; i++) {
      if (known[i] == hash && names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The hash of the name with ASCII letters lower-cased; equal for names equal ignoring case. */
  private static int foldedHash(String name) {
    int hash = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      hash = 31 * hash + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return hash;
  }

  /** The first value of the named header. */
  public Optional<String> first(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(values[i].get(0));
  }

  /** Every value of the named header, empty when absent. */
  public List<String> values(String name) {
    int i = indexOf(name);
    return i < 0 ? List.of() : values[i];
  }

  /** The header names as first added. */
  public List<String> names() {
    return List.of(names);
  }

  /** Whether no header is present. */
  public boolean isEmpty() {
    return names.length == 0;
  }

  /**
   * How many names there are: with {@link #name(int)} and {@link #values(int)}, a copy-free walk.
   */
  int size() {
    return names.length;
  }

  String name(int index) {
    return names[index];
  }

  List<String> values(int index) {
    return values[index];
  }

  /** The headers as a map of original names to values. */
  public Map<String, List<String>> toMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], values[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    for (int i = 0; i < names.length; i++) {
      builder.names.add(names[i]);
      builder.values.add(new ArrayList<>(values[i]));
    }
    if (names.length > INDEX_THRESHOLD) {
      builder.reindex();
    }
    return builder;
  }

  /**
   * A copy with the header set to this value, replacing any of the same name in place (what {@code
   * toBuilder().set(name, value).build()} gives, without rebuilding every other header).
   */
  Headers with(String name, String value) {
    HeaderText.checkName(name);
    HeaderText.checkValue(name, value);
    int i = indexOf(name);
    int size = names.length;
    String[] newNames = Arrays.copyOf(names, i < 0 ? size + 1 : size);
    List<String>[] newValues = Arrays.copyOf(values, newNames.length);
    int at = i < 0 ? size : i;
    newNames[at] = name;
    newValues[at] = List.of(value);
    Headers headers = new Headers(newNames, newValues);
    headers.sendable = sendable && HeaderText.firstInvalid(value, true) < 0;
    return headers;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Headers headers && toLowerMap().equals(headers.toLowerMap());
  }

  private Map<String, List<String>> toLowerMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i].toLowerCase(Locale.ROOT), values[i]);
    }
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
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(name).append('=');
      if (isSensitive(name)) {
        out.append("[REDACTED]");
      } else if (HeaderText.isLocation(name)) {
        // a redirect's query may carry a token (an SSO callback's ?token=…): show where, not what
        out.append(String.join(",", values[i].stream().map(HeaderText::withoutQuery).toList()));
      } else {
        out.append(String.join(",", values[i]));
      }
    }
    return out.append('}').toString();
  }

  /** Builds {@link Headers}; refuses names and values that would break the header block. */
  public static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<List<String>> values = new ArrayList<>();
    private @Nullable Map<String, Integer> index; // lower-cased name to position, when many

    private Builder() {}

    /** Adds a value, keeping earlier values of the same name. */
    public Builder add(String name, String value) {
      HeaderText.checkName(name);
      HeaderText.checkValue(name, value);
      int i = indexOf(name);
      if (i >= 0) {
        values.get(i).add(value);
      } else {
        append(name, value);
      }
      return this;
    }

    /** Replaces every value of the name with this one. */
    public Builder set(String name, String value) {
      HeaderText.checkName(name);
      HeaderText.checkValue(name, value);
      int i = indexOf(name);
      if (i >= 0) {
        names.set(i, name);
        List<String> list = new ArrayList<>(1);
        list.add(value);
        values.set(i, list);
      } else {
        append(name, value);
      }
      return this;
    }

    /** Removes the name. */
    public Builder remove(String name) {
      int i = indexOf(name);
      if (i >= 0) {
        names.remove(i);
        values.remove(i);
        if (index != null) {
          reindex();
        }
      }
      return this;
    }

    public Headers build() {
      int size = names.size();
      if (size == 0) {
        return EMPTY;
      }
      String[] built = names.toArray(new String[0]);
      List<String>[] lists = emptyValues(size);
      for (int i = 0; i < size; i++) {
        lists[i] = List.copyOf(values.get(i));
      }
      return new Headers(built, lists);
    }

    private void append(String name, String value) {
      List<String> list = new ArrayList<>(1);
      list.add(value);
      names.add(name);
      values.add(list);
      if (index != null) {
        index.put(name.toLowerCase(Locale.ROOT), names.size() - 1);
      } else if (names.size() > INDEX_THRESHOLD) {
        reindex();
      }
    }

    private int indexOf(String name) {
      if (index != null) {
        Integer i = index.get(name.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
      }
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equalsIgnoreCase(name)) {
          return i;
        }
      }
      return -1;
    }

    private void reindex() {
      Map<String, Integer> map = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        map.put(names.get(i).toLowerCase(Locale.ROOT), i);
      }
      index = map;
    }
  }
}
