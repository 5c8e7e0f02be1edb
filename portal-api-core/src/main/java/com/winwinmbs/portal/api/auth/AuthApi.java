package com.winwinmbs.portal.api.auth;

import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.http.UriTemplates;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * The {@code auth} namespace: the integration guide's session routes. A login returns the access
 * token and leaves the refresh token, an httpOnly cookie, in the {@link SessionTokenSource} this
 * namespace acts for; {@code refresh()} and {@code logout()} send that cookie back. SSO logins are
 * started by sending a browser to {@link #ssoLoginUrl(SsoProvider, String)} and finished with
 * {@link #ssoCallback(URI, String)}.
 *
 * <p>{@code portal.auth()} acts for the client's token source when it is a {@link
 * SessionTokenSource}, otherwise for a session of its own; {@link #forSession(SessionTokenSource)}
 * acts for another one, so one client can serve many users.
 *
 * <pre>{@code
 * LoginResult login = portal.auth().login("admin@acme.com", password, true);
 * CurrentUser me = portal.auth().me();
 * portal.auth().logout();
 * }</pre>
 */
public final class AuthApi {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RequestExecutor executor;
  private final SessionTokenSource session;

  /** For the client; obtain this namespace with {@code PortalApiClient.auth()}. */
  public AuthApi(RequestExecutor executor) {
    this(
        Objects.requireNonNull(executor, "executor == null"),
        executor.settings().tokenSource() instanceof SessionTokenSource clientSession
            ? clientSession
            : SessionTokenSource.create(null, executor.settings().clock()));
  }

  private AuthApi(RequestExecutor executor, SessionTokenSource session) {
    this.executor = executor;
    this.session = session;
  }

  /**
   * This namespace acting for another session: its login, refresh, logout and {@code me()} use that
   * session.
   */
  public AuthApi forSession(SessionTokenSource session) {
    return new AuthApi(executor, Objects.requireNonNull(session, "session == null"));
  }

  /** The session this namespace acts for. */
  public SessionTokenSource session() {
    return session;
  }

  /**
   * {@code POST /auth/login}: signs in with email and password, starts the session and returns the
   * user, the tenant and the access token.
   *
   * @param rememberMe whether the portal should keep the refresh cookie beyond the browser session
   */
  public LoginResult login(String email, String password, boolean rememberMe) {
    return login(email, password, rememberMe, null);
  }

  /** {@code POST /auth/login}, with per-call options. */
  public LoginResult login(
      String email, String password, boolean rememberMe, @Nullable RequestOptions options) {
    Objects.requireNonNull(email, "email == null");
    Objects.requireNonNull(password, "password == null");
    if (email.isBlank()) {
      throw new IllegalArgumentException("email must not be blank");
    }
    LoginRequest body = new LoginRequest(email, password, rememberMe, null);
    // a login proves who the user is with the password: no bearer token goes with it
    LoginResult result =
        exchange(Endpoints.AUTH_LOGIN, body, password, withoutToken(options), LoginResult.class);
    requireToken(result.accessToken(), Endpoints.AUTH_LOGIN);
    session.begin(result.accessToken(), result.user(), result.tenant(), this::refreshCall);
    return result;
  }

  /**
   * {@code POST /auth/refresh}: exchanges the session's refresh cookie for a new access token,
   * which the session uses from now on. A refresh already under way is joined rather than repeated.
   *
   * @throws com.winwinmbs.portal.api.AuthenticationException when there is no session, or the
   *     portal refused the refresh (the session then expires and its listener is told)
   */
  public String refresh() {
    return refresh(null);
  }

  /**
   * {@code POST /auth/refresh}, with per-call options (they apply when this call sends the
   * refresh).
   */
  public String refresh(@Nullable RequestOptions options) {
    return session.refreshNow(options);
  }

  /**
   * {@code POST /auth/logout}: ends the session at the portal (with its token and refresh cookie),
   * then clears it here whatever the answer. A session that is not active is only cleared.
   */
  public void logout() {
    logout(null);
  }

  /** {@code POST /auth/logout}, with per-call options. */
  public void logout(@Nullable RequestOptions options) {
    String token = session.currentToken();
    if (token == null) {
      session.clear();
      return;
    }
    RequestOptions base = options == null ? RequestOptions.none() : options;
    // the token as it is now, without refreshing: a logout must not start a refresh
    RequestOptions call =
        base.tokenSource().isPresent() || base.headers().first("Authorization").isPresent()
            ? base
            : base.toBuilder().tokenSource(TokenSource.of(token)).build();
    try {
      exchange(Endpoints.AUTH_LOGOUT, null, null, call, null);
    } finally {
      session.clear();
    }
  }

  /** {@code GET /auth/me}: who the session's access token belongs to. */
  public CurrentUser me() {
    return me(null);
  }

  /** {@code GET /auth/me}, with per-call options. */
  public CurrentUser me(@Nullable RequestOptions options) {
    RequestOptions base = options == null ? RequestOptions.none() : options;
    boolean viaSession =
        session.isActive()
            && base.tokenSource().isEmpty()
            && base.headers().first("Authorization").isEmpty();
    RequestOptions call = viaSession ? base.toBuilder().tokenSource(session).build() : base;
    CurrentUser me = exchange(Endpoints.AUTH_ME, null, null, call, CurrentUser.class);
    if (viaSession) {
      session.profile(me.user(), me.tenant());
    }
    return me;
  }

  /**
   * The URL of {@code GET /auth/sso/login} for a browser to follow; nothing is sent. A fresh random
   * {@code state} is added as a query parameter and returned: keep it and check it with {@link
   * #ssoCallback(URI, String)}.
   *
   * @param redirect where the front end goes after the login (the portal's default is {@code /}),
   *     or null
   */
  public SsoLogin ssoLoginUrl(SsoProvider provider, @Nullable String redirect) {
    Objects.requireNonNull(provider, "provider == null");
    if (provider.value().isBlank()) {
      throw new IllegalArgumentException(
          "provider must not be blank; use SsoProvider.AZURE_AD, GOOGLE, OKTA or SAML");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    StringBuilder url =
        new StringBuilder(executor.settings().baseUrl())
            .append(Endpoints.AUTH_SSO_LOGIN.uriTemplate())
            .append("?provider=")
            .append(UriTemplates.encode(provider.value()));
    if (redirect != null && !redirect.isBlank()) {
      url.append("&redirect=").append(UriTemplates.encode(redirect));
    }
    url.append("&state=").append(state);
    return new SsoLogin(URI.create(url.toString()), state);
  }

  /**
   * Reads the front end's SSO callback URL ({@code …/auth/callback?token=…&tenant=…&state=…}) and
   * checks it: the {@code state} must be the one {@link #ssoLoginUrl(SsoProvider, String)} issued,
   * and the token and tenant must be present. Nothing is sent and the session is not started (see
   * {@link #completeSso(SsoCallback)}).
   *
   * @throws SsoCallbackException when the callback must not be trusted; the message says why
   */
  public SsoCallback ssoCallback(URI callbackUrl, String expectedState) {
    Objects.requireNonNull(callbackUrl, "callbackUrl == null");
    return checkCallback(parseQuery(callbackUrl.getRawQuery()), expectedState);
  }

  /** As {@link #ssoCallback(URI, String)}, from the callback's query parameters already decoded. */
  public SsoCallback ssoCallback(Map<String, String> parameters, String expectedState) {
    Objects.requireNonNull(parameters, "parameters == null");
    Map<String, List<String>> multi = new LinkedHashMap<>();
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            multi.put(name, List.of(value));
          }
        });
    return checkCallback(multi, expectedState);
  }

  /**
   * Starts the session with the callback's token and asks {@code GET /auth/me} who it belongs to,
   * as the guide's callback page does. On failure the session is cleared.
   */
  public CurrentUser completeSso(SsoCallback callback) {
    return completeSso(callback, null);
  }

  /** As {@link #completeSso(SsoCallback)}, with per-call options for {@code /auth/me}. */
  public CurrentUser completeSso(SsoCallback callback, @Nullable RequestOptions options) {
    Objects.requireNonNull(callback, "callback == null");
    session.begin(callback.accessToken(), null, null, this::refreshCall);
    try {
      return me(options);
    } catch (RuntimeException e) {
      session.clear();
      throw e;
    }
  }

  @Override
  public String toString() {
    return "AuthApi[" + session + "]";
  }

  /**
   * The session's refresher: one {@code POST /auth/refresh} with the cookie and no bearer token.
   */
  private String refreshCall(SessionTokenSource target, @Nullable RequestOptions options) {
    // The guide's refresh goes out as {} with the cookie only. Without a bearer token it cannot
    // recurse into the session's own 401 handling.
    RefreshResult result =
        exchange(
            Endpoints.AUTH_REFRESH, Map.of(), null, withoutToken(options), RefreshResult.class);
    requireToken(result.accessToken(), Endpoints.AUTH_REFRESH);
    return result.accessToken();
  }

  /**
   * Sends one auth call with the session's cookies for its URL and keeps the cookies the answer
   * sets. A null {@code type} discards the body.
   */
  private <T> T exchange(
      Endpoint endpoint,
      @Nullable Object json,
      @Nullable String secret,
      RequestOptions options,
      @Nullable Class<T> type) {
    URI uri = URI.create(executor.settings().baseUrl() + endpoint.uriTemplate());
    RequestOptions.Builder builder = options.toBuilder();
    session
        .cookies()
        .header(uri)
        .ifPresent(
            cookies ->
                builder.header(
                    "Cookie",
                    options
                        .headers()
                        .first("Cookie")
                        .map(own -> own + "; " + cookies)
                        .orElse(cookies)));
    Call call = Call.to(endpoint).options(builder.build()).secret(secret);
    if (json != null) {
      call.json(json);
    }
    return executor.send(
        call,
        response -> {
          session.cookies().store(uri, response.headers().values("Set-Cookie"));
          if (type == null) {
            try (InputStream in = response.body()) {
              in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return null;
          }
          return decode(response, type, endpoint);
        },
        false);
  }

  private static <T> T decode(TransportResponse response, Class<T> type, Endpoint endpoint)
      throws IOException {
    T value;
    try (InputStream in = response.body()) {
      value = PortalJson.MAPPER.readValue(in, type);
    } catch (JacksonException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      // Jackson's own message may quote the body, which holds a token: only the kind and place of
      // the failure are told, and the exception is not kept as the cause
      throw RequestExecutor.decodeFailure(
          response, endpoint, type.getSimpleName() + ": " + PortalJson.describe(e), null);
    }
    if (value == null) {
      throw RequestExecutor.decodeFailure(
          response, endpoint, type.getSimpleName() + ": the body is empty", null);
    }
    return value;
  }

  private static void requireToken(@Nullable String token, Endpoint endpoint) {
    if (token == null || token.isBlank()) {
      String method = endpoint.method().name();
      throw new PortalApiException(
          "the answer of "
              + endpoint.id()
              + " carries no accessToken ["
              + method
              + " "
              + endpoint.uriTemplate()
              + "]",
          new PortalError(
              200,
              "DECODE_ERROR",
              null,
              Map.of(),
              null,
              endpoint.uriTemplate(),
              method,
              null,
              null),
          1,
          null);
    }
  }

  private static RequestOptions withoutToken(@Nullable RequestOptions options) {
    RequestOptions base = options == null ? RequestOptions.none() : options;
    return base.tokenSource().isPresent()
        ? base
        : base.toBuilder().tokenSource(TokenSource.none()).build();
  }

  private static SsoCallback checkCallback(
      Map<String, List<String>> parameters, String expectedState) {
    Objects.requireNonNull(expectedState, "expectedState == null");
    if (expectedState.isBlank()) {
      throw new IllegalArgumentException(
          "expectedState must be the state ssoLoginUrl(...) returned, not blank");
    }
    for (String name : List.of("state", "token", "tenant")) {
      if (parameters.getOrDefault(name, List.of()).size() > 1) {
        throw new SsoCallbackException(
            SsoCallbackException.Reason.DUPLICATE_PARAMETER,
            "SSO callback refused: the parameter '" + name + "' appears more than once");
      }
    }
    String state = single(parameters, "state");
    if (state == null) {
      throw new SsoCallbackException(
          SsoCallbackException.Reason.MISSING_STATE,
          "SSO callback refused: it carries no state, but a state was issued (CSRF protection); start the login again");
    }
    if (!MessageDigest.isEqual(
        state.getBytes(StandardCharsets.UTF_8), expectedState.getBytes(StandardCharsets.UTF_8))) {
      throw new SsoCallbackException(
          SsoCallbackException.Reason.STATE_MISMATCH,
          "SSO callback refused: invalid state parameter (CSRF protection); it is not the state issued for this "
              + "login, so the callback may be forged or replayed");
    }
    String token = single(parameters, "token");
    String tenant = single(parameters, "tenant");
    if (token == null) {
      throw new SsoCallbackException(
          SsoCallbackException.Reason.MISSING_TOKEN,
          "SSO callback refused: missing token in callback");
    }
    if (tenant == null) {
      throw new SsoCallbackException(
          SsoCallbackException.Reason.MISSING_TENANT,
          "SSO callback refused: missing tenant in callback");
    }
    return new SsoCallback(token, tenant);
  }

  private static @Nullable String single(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0);
  }

  private static Map<String, List<String>> parseQuery(@Nullable String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decodeComponent(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decodeComponent(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
    }
    return parameters;
  }

  private static String decodeComponent(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a malformed escape: keep the text as sent, so it fails the checks rather than the parser
      return text;
    }
  }
}
