package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.TokenSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * The bearer token of the user whose request the current thread serves, read at every call and
 * never cached: first the {@code SecurityContext}'s OAuth2 token, else the request's {@code
 * Authorization: Bearer} header. Both live in thread-bound holders that are not inherited, so work
 * handed to another thread sees no user unless the security context is propagated explicitly
 * (Spring Security's {@code DelegatingSecurityContextExecutor} and friends).
 *
 * <p>Not refreshable: a user token the portal rejects is the caller's to renew.
 */
final class CurrentUserTokenSource implements TokenSource {

  private static final String SECURITY_CONTEXT_HOLDER =
      "org.springframework.security.core.context.SecurityContextHolder";

  private static final String OAUTH2_TOKEN =
      "org.springframework.security.oauth2.core.AbstractOAuth2Token";

  private static final String REQUEST_CONTEXT_HOLDER =
      "org.springframework.web.context.request.RequestContextHolder";

  private static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";

  private final List<BearerTokenReader> readers;

  private CurrentUserTokenSource(List<BearerTokenReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /**
   * A source reading from whatever is on the class path: Spring Security's OAuth2 types, Spring's
   * servlet request holder, or both.
   *
   * @throws PortalApiConfigurationException when neither is present
   */
  static CurrentUserTokenSource create(@Nullable ClassLoader classLoader, String mode) {
    List<BearerTokenReader> readers = new ArrayList<>();
    if (ClassUtils.isPresent(SECURITY_CONTEXT_HOLDER, classLoader)
        && ClassUtils.isPresent(OAUTH2_TOKEN, classLoader)) {
      readers.add(new SecurityContextBearerTokenReader());
    }
    if (ClassUtils.isPresent(REQUEST_CONTEXT_HOLDER, classLoader)
        && ClassUtils.isPresent(SERVLET_REQUEST, classLoader)) {
      readers.add(new RequestHeaderBearerTokenReader());
    }
    if (readers.isEmpty()) {
      throw new PortalApiConfigurationException(
          "portal.api.auth.mode is '"
              + mode
              + "', but there is nowhere to read the user's token from: neither "
              + "Spring Security's OAuth2 support nor a servlet web application is on the class path.",
          "Add spring-boot-starter-security-oauth2-resource-server (or spring-boot-starter-webmvc), or choose "
              + "another portal.api.auth.mode.");
    }
    return new CurrentUserTokenSource(readers);
  }

  @Override
  public Optional<String> token() {
    for (BearerTokenReader reader : this.readers) {
      String token = reader.read();
      if (token != null && !token.isBlank()) {
        return Optional.of(token);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "CurrentUserTokenSource" + this.readers;
  }

  /** One place a user's bearer token may be found. */
  interface BearerTokenReader {

    /** The current thread's user token, or null. */
    @Nullable String read();
  }
}
