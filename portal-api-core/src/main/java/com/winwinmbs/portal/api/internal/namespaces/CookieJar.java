package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.internal.CookieStore;
import com.winwinmbs.portal.api.internal.Printable;
import com.winwinmbs.portal.api.internal.Urls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cookies of one session, kept the way a browser keeps them (RFC 6265): parsed from {@code
 * Set-Cookie}, matched by domain, path and {@code Secure}, dropped when they expire or are deleted
 * with {@code Max-Age=0} or a past {@code Expires}. Thread-safe. Values are never printed: {@link
 * #toString()} shows names only.
 *
 * <p>Bounded as browsers bound their jars (RFC 6265 §6.1): a cookie larger than {@value
 * #MAX_COOKIE_BYTES} bytes (name, value and attributes), one past {@value #MAX_PER_DOMAIN} cookies
 * for its domain or past {@value #MAX_COOKIES} in all, and one whose name or value holds a
 * character a {@code Cookie} header cannot carry back as received (a control character or one past
 * ASCII) is dropped with a DEBUG line that names it, never its value. Unlike a browser, which
 * evicts its least recently used cookies, the jar keeps what it holds and drops the newcomer, so a
 * flood of cookies cannot push out the session's refresh cookie. The {@code Cookie} header sent
 * back is therefore at most {@value #MAX_COOKIES} cookies of at most {@value #MAX_COOKIE_BYTES}
 * bytes, and {@value #MAX_PER_DOMAIN} of them for a portal on one host.
 */
final class CookieJar implements CookieStore {

  /** The auth namespace's logger: where a user looks for what a session did. */
  private static final Logger log = LoggerFactory.getLogger("com.winwinmbs.portal.api.auth");

  /** The most bytes of one {@code Set-Cookie} value (name, value and attributes) kept. */
  static final int MAX_COOKIE_BYTES = 4096;

  /** The most cookies kept for one domain. */
  static final int MAX_PER_DOMAIN = 50;

  /** The most cookies kept in all. */
  static final int MAX_COOKIES = 150;

  private static final DateTimeFormatter COOKIE_DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss zzz", Locale.US);

  private final Clock clock;

  /** Keyed by name, domain and path, in the order first stored. */
  private final Map<String, Cookie> cookies = new LinkedHashMap<>();

  private long sequence;

  CookieJar(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** One stored cookie; {@link #toString()} leaves the value out. */
  record Cookie(
      String name,
      String value,
      String domain,
      boolean hostOnly,
      String path,
      boolean secure,
      @Nullable Instant expiresAt,
      long created) {

    @Override
    public String toString() {
      return "Cookie[name="
          + name
          + ", domain="
          + domain
          + ", path="
          + path
          + ", secure="
          + secure
          + ", expiresAt="
          + expiresAt
          + "]";
    }
  }

  /**
   * Stores the cookies of these {@code Set-Cookie} values, received in answer to {@code
   * requestUri}.
   */
  @Override
  public synchronized void store(URI requestUri, List<String> setCookies) {
    Instant now = clock.instant();
    removeExpired(now);
    for (String header : setCookies) {
      if (header.length() > MAX_COOKIE_BYTES
          || header.getBytes(StandardCharsets.UTF_8).length > MAX_COOKIE_BYTES) {
        drop(nameOf(header), requestUri, "larger than " + MAX_COOKIE_BYTES + " bytes");
        continue;
      }
      Cookie cookie = parse(header, requestUri, now);
      if (cookie == null) {
        continue;
      }
      String key = cookie.name() + ';' + cookie.domain() + ';' + cookie.path();
      Cookie existing = cookies.get(key);
      if (cookie.expiresAt() != null && !cookie.expiresAt().isAfter(now)) {
        cookies.remove(key); // Max-Age=0 or a past Expires: the server deletes the cookie
        continue;
      }
      if (!sendable(cookie.name()) || !sendable(cookie.value())) {
        drop(
            cookie.name(),
            requestUri,
            "it holds a control character or one past ASCII, which a Cookie header cannot carry"
                + " back as received");
        continue;
      }
      if (existing == null) {
        String full = full(cookie.domain());
        if (full != null) {
          drop(cookie.name(), requestUri, full);
          continue;
        }
      }
      long created = existing != null ? existing.created() : sequence++;
      cookies.put(
          key,
          new Cookie(
              cookie.name(),
              cookie.value(),
              cookie.domain(),
              cookie.hostOnly(),
              cookie.path(),
              cookie.secure(),
              cookie.expiresAt(),
              created));
    }
  }

  /** Why one more cookie for this domain cannot be kept, or null when it can. */
  private @Nullable String full(String domain) {
    if (cookies.size() >= MAX_COOKIES) {
      return "the jar holds " + MAX_COOKIES + " cookies already";
    }
    long forDomain = cookies.values().stream().filter(c -> c.domain().equals(domain)).count();
    return forDomain >= MAX_PER_DOMAIN
        ? "the jar holds " + MAX_PER_DOMAIN + " cookies for " + domain + " already"
        : null;
  }

  private static void drop(String name, URI requestUri, String reason) {
    if (log.isDebugEnabled()) {
      // the name only: the value may be a session's secret
      log.debug("Dropped cookie '{}' set by {}: {}", printableName(name), host(requestUri), reason);
    }
  }

  /** A cookie's name as a log line may show it: cut short, control characters escaped. */
  private static String printableName(String name) {
    String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
    return Objects.requireNonNull(Printable.escape(shown));
  }

  /** The name of a {@code Set-Cookie} value without parsing the rest. */
  private static String nameOf(String header) {
    int end = header.length();
    int equals = header.indexOf('=');
    int semicolon = header.indexOf(';');
    if (equals >= 0) {
      end = equals;
    }
    if (semicolon >= 0 && semicolon < end) {
      end = semicolon;
    }
    return header.substring(0, Math.min(end, 256)).trim();
  }

  /** Whether a name or value can go back in a {@code Cookie} header exactly as it came. */
  private static boolean sendable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private void removeExpired(Instant now) {
    cookies
        .values()
        .removeIf(cookie -> cookie.expiresAt() != null && !cookie.expiresAt().isAfter(now));
  }

  /**
   * The {@code Cookie} header for a request to {@code requestUri}, or empty when no cookie applies.
   */
  @Override
  public synchronized Optional<String> header(URI requestUri) {
    Instant now = clock.instant();
    removeExpired(now);
    String host = host(requestUri);
    String path =
        requestUri.getRawPath() == null || requestUri.getRawPath().isEmpty()
            ? "/"
            : requestUri.getRawPath();
    boolean secureChannel =
        "https".equalsIgnoreCase(requestUri.getScheme()) || Urls.isLoopback(requestUri);
    List<Cookie> matching = new ArrayList<>();
    for (Cookie cookie : cookies.values()) {
      boolean domainOk =
          cookie.hostOnly() ? host.equals(cookie.domain()) : domainMatches(host, cookie.domain());
      if (domainOk && pathMatches(path, cookie.path()) && (!cookie.secure() || secureChannel)) {
        matching.add(cookie);
      }
    }
    if (matching.isEmpty()) {
      return Optional.empty();
    }
    // RFC 6265 5.4: longer paths first, then earlier creation
    matching.sort(
        Comparator.comparingInt((Cookie c) -> -c.path().length())
            .thenComparingLong(Cookie::created));
    StringBuilder out = new StringBuilder();
    for (Cookie cookie : matching) {
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(cookie.name()).append('=').append(cookie.value());
    }
    return Optional.of(out.toString());
  }

  /** The names of the cookies held (never their values). */
  synchronized Set<String> names() {
    Instant now = clock.instant();
    Set<String> names = new LinkedHashSet<>();
    cookies
        .values()
        .forEach(
            cookie -> {
              if (cookie.expiresAt() == null || cookie.expiresAt().isAfter(now)) {
                names.add(cookie.name());
              }
            });
    return names;
  }

  /** Forgets every cookie. */
  synchronized void clear() {
    cookies.clear();
  }

  @Override
  public synchronized String toString() {
    return "CookieJar" + names();
  }

  /** RFC 6265 5.2: the cookie of one {@code Set-Cookie} value, or null when it must be ignored. */
  static @Nullable Cookie parse(String header, URI requestUri, Instant now) {
    int semicolon = header.indexOf(';');
    String pair = semicolon < 0 ? header : header.substring(0, semicolon);
    int equals = pair.indexOf('=');
    if (equals < 0) {
      return null;
    }
    String name = pair.substring(0, equals).trim();
    String value = pair.substring(equals + 1).trim();
    if (name.isEmpty()) {
      return null;
    }
    String host = host(requestUri);
    Instant expires = null;
    Instant maxAge = null;
    String domain = null;
    String path = null;
    boolean secure = false;
    if (semicolon >= 0) {
      for (String attribute : header.substring(semicolon + 1).split(";")) {
        int eq = attribute.indexOf('=');
        String key =
            (eq < 0 ? attribute : attribute.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        String argument = eq < 0 ? "" : attribute.substring(eq + 1).trim();
        switch (key) {
          case "expires" -> {
            Instant parsed = parseDate(argument);
            if (parsed != null) {
              expires = parsed;
            }
          }
          case "max-age" -> {
            if (argument.matches("-?[0-9]+")) {
              long seconds;
              try {
                seconds = Long.parseLong(argument);
              } catch (NumberFormatException tooLarge) {
                seconds = argument.startsWith("-") ? -1 : Long.MAX_VALUE;
              }
              maxAge = seconds <= 0 ? Instant.EPOCH : plusSeconds(now, seconds);
            }
          }
          case "domain" -> {
            String d = argument.startsWith(".") ? argument.substring(1) : argument;
            if (!d.isEmpty()) {
              domain = d.toLowerCase(Locale.ROOT);
            }
          }
          case "path" -> path = argument.startsWith("/") ? argument : null;
          case "secure" -> secure = true;
          default -> {
            // HttpOnly, SameSite and unknown attributes do not change how a client sends the cookie
          }
        }
      }
    }
    boolean hostOnly = domain == null;
    if (domain != null && !domainMatches(host, domain)) {
      return null; // a cookie for another domain is refused, as a browser refuses it
    }
    if (path == null) {
      path = defaultPath(requestUri);
    }
    Instant expiresAt = maxAge != null ? maxAge : expires;
    return new Cookie(name, value, hostOnly ? host : domain, hostOnly, path, secure, expiresAt, 0);
  }

  private static Instant plusSeconds(Instant now, long seconds) {
    try {
      return now.plusSeconds(seconds);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return Instant.MAX;
    }
  }

  private static @Nullable Instant parseDate(String text) {
    // both "Wed, 09 Jun 2027 10:18:14 GMT" and the older "Wed, 09-Jun-2027 10:18:14 GMT"
    String normalized = text.replace('-', ' ').trim();
    try {
      return ZonedDateTime.parse(normalized, COOKIE_DATE).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException ignored) {
        return null; // an unreadable date is ignored, as RFC 6265 says
      }
    }
  }

  private static String host(URI uri) {
    String host = uri.getHost();
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }

  private static boolean domainMatches(String host, String domain) {
    return host.equals(domain)
        || (host.endsWith("." + domain) && !Character.isDigit(host.charAt(host.length() - 1)));
  }

  private static boolean pathMatches(String requestPath, String cookiePath) {
    if (requestPath.equals(cookiePath)) {
      return true;
    }
    return requestPath.startsWith(cookiePath)
        && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
  }

  private static String defaultPath(URI uri) {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty() || !path.startsWith("/")) {
      return "/";
    }
    int last = path.lastIndexOf('/');
    return last == 0 ? "/" : path.substring(0, last);
  }
}
