package com.winwinmbs.portal.api.files;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the file name from a {@code Content-Disposition} header: {@code filename*} (RFC 5987/6266,
 * for example {@code UTF-8''%E0%B8%AA.pdf}) wins over {@code filename}. The name is reduced to its
 * last path segment without control characters, so it can never point outside a directory it is
 * resolved against.
 */
final class ContentDisposition {

  private ContentDisposition() {}

  /** The file name the header names, or null when it names none. */
  static @Nullable String fileName(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    Map<String, String> parameters = parameters(header);
    String extended = parameters.get("filename*");
    String name = extended == null ? null : decodeExtended(extended);
    if (name == null) {
      String plain = parameters.get("filename");
      name = plain == null ? null : redecodeUtf8(plain);
    }
    return name == null ? null : sanitize(name);
  }

  /** The header's parameters by lower-cased name; quoted values unquoted. */
  static Map<String, String> parameters(String header) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int i = header.indexOf(';');
    while (i >= 0 && i < header.length()) {
      i++; // past ';'
      int eq = header.indexOf('=', i);
      int semicolon = header.indexOf(';', i);
      if (eq < 0 || (semicolon >= 0 && semicolon < eq)) {
        i = semicolon;
        continue;
      }
      String name = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      int j = eq + 1;
      while (j < header.length() && header.charAt(j) == ' ') {
        j++;
      }
      StringBuilder value = new StringBuilder();
      if (j < header.length() && header.charAt(j) == '"') {
        j++;
        while (j < header.length() && header.charAt(j) != '"') {
          char c = header.charAt(j);
          if (c == '\\' && j + 1 < header.length()) {
            j++;
            c = header.charAt(j);
          }
          value.append(c);
          j++;
        }
        i = header.indexOf(';', j);
      } else {
        int end = header.indexOf(';', j);
        value.append(header, j, end < 0 ? header.length() : end);
        i = end;
      }
      parameters.putIfAbsent(name, value.toString().trim());
    }
    return parameters;
  }

  /**
   * {@code charset'language'percent-encoded}, or null when malformed or in an unsupported charset.
   */
  private static @Nullable String decodeExtended(String value) {
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      return null;
    }
    Charset charset;
    String charsetName = value.substring(0, first).trim();
    if (charsetName.equalsIgnoreCase("UTF-8")) {
      charset = StandardCharsets.UTF_8;
    } else if (charsetName.equalsIgnoreCase("ISO-8859-1")) {
      charset = StandardCharsets.ISO_8859_1;
    } else {
      return null;
    }
    String encoded = value.substring(second + 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return null;
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c > 0x7f) {
        return null;
      } else {
        bytes.write(c);
      }
    }
    return strictDecode(bytes.toByteArray(), charset);
  }

  /**
   * Some servers put raw UTF-8 in {@code filename}; HTTP clients read header bytes as ISO-8859-1,
   * so such a name arrives garbled. Decode it again when its bytes are valid UTF-8.
   */
  private static String redecodeUtf8(String value) {
    boolean wide = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0xff) {
        return value; // already decoded beyond Latin-1
      }
      wide |= c > 0x7f;
    }
    if (!wide) {
      return value;
    }
    String decoded =
        strictDecode(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    return decoded == null ? value : decoded;
  }

  private static @Nullable String strictDecode(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static @Nullable String sanitize(String name) {
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    String last = name.substring(cut + 1);
    StringBuilder out = new StringBuilder(last.length());
    last.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(out::appendCodePoint);
    String result = out.toString().trim();
    return result.isEmpty() || result.equals(".") || result.equals("..") ? null : result;
  }
}
