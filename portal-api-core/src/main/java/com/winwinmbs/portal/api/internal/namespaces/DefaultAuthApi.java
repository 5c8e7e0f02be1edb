package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.auth.AuthApi;
import com.winwinmbs.portal.api.auth.CurrentUser;
import com.winwinmbs.portal.api.auth.LoginResult;
import com.winwinmbs.portal.api.auth.RefreshResult;
import com.winwinmbs.portal.api.auth.SessionListener;
import com.winwinmbs.portal.api.auth.SessionTokenSource;
import com.winwinmbs.portal.api.auth.SsoCallback;
import com.winwinmbs.portal.api.auth.SsoLogin;
import com.winwinmbs.portal.api.auth.SsoProvider;
import com.winwinmbs.portal.api.auth.SsoStateCheck;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.UriTemplates;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The client's {@link AuthApi}: stateless, as a shared bean must be. Each login makes a new {@link
 * DefaultSession}; the calls that act on a session take it; the session routes carry its cookies
 * through the request path's cookie link.
 */
public final class DefaultAuthApi implements AuthApi {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultAuthApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultAuthApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public AuthApi withOptions(RequestOptions options) {
    return new DefaultAuthApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public SessionTokenSource login(String email, String password, boolean rememberMe) {
    return signIn(email, password, rememberMe, null);
  }

  @Override
  public SessionTokenSource login(
      String email, String password, boolean rememberMe, SessionListener listener) {
    return signIn(
        email, password, rememberMe, Objects.requireNonNull(listener, "listener == null"));
  }

  private SessionTokenSource signIn(
      String email, String password, boolean rememberMe, @Nullable SessionListener listener) {
    Objects.requireNonNull(email, "email == null");
    Objects.requireNonNull(password, "password == null");
    if (email.isBlank()) {
      throw new IllegalArgumentException("email must not be blank");
    }
    DefaultSession session = new DefaultSession(listener, executor.settings().clock());
    // a login proves who the user is with the password: no bearer token goes with it
    LoginResult result =
        executor.execute(
            Call.to(Endpoints.AUTH_LOGIN)
                .json(new LoginRequest(email, password, rememberMe, null))
                .secret(password)
                .cookies(session.cookies())
                .options(withoutToken(options)),
            LoginResult.class);
    requireToken(result.accessToken(), Endpoints.AUTH_LOGIN);
    session.begin(result.accessToken(), result.user(), result.tenant(), refresher(options));
    return session;
  }

  @Override
  public RefreshResult refresh(SessionTokenSource session) {
    return own(session).refreshNow(options);
  }

  @Override
  public void logout(SessionTokenSource session) {
    DefaultSession own = own(session);
    String token = own.currentToken();
    if (token == null) {
      own.clear();
      return;
    }
    // the session's own token as it is now, whatever token source the options bind: a logout
    // must not start a refresh, nor end one session with another's token
    RequestOptions call =
        options.with(RequestOptions.builder().tokenSource(TokenSource.of(token)).build());
    try {
      executor.executeVoid(Call.to(Endpoints.AUTH_LOGOUT).cookies(own.cookies()).options(call));
    } finally {
      own.clear();
    }
  }

  @Override
  public CurrentUser me() {
    CurrentUser me =
        executor.execute(Call.to(Endpoints.AUTH_ME).options(options), CurrentUser.class);
    TokenSource source = options.tokenSource().orElse(executor.settings().tokenSource());
    if (source instanceof DefaultSession session
        && options.headers().first("Authorization").isEmpty()) {
      session.profile(me.user(), me.tenant());
    }
    return me;
  }

  @Override
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
        new StringBuilder(executor.baseUrl(Endpoints.AUTH_SSO_LOGIN))
            .append(Endpoints.AUTH_SSO_LOGIN.uriTemplate())
            .append("?provider=")
            .append(UriTemplates.encode(provider.value()));
    if (redirect != null && !redirect.isBlank()) {
      url.append("&redirect=").append(UriTemplates.encode(redirect));
    }
    url.append("&state=").append(state);
    return new SsoLogin(URI.create(url.toString()), state);
  }

  @Override
  public SsoCallback ssoCallback(URI callbackUrl, String expectedState) {
    return ssoCallback(callbackUrl, expectedState, SsoStateCheck.REQUIRED);
  }

  @Override
  public SsoCallback ssoCallback(URI callbackUrl, String expectedState, SsoStateCheck check) {
    Objects.requireNonNull(callbackUrl, "callbackUrl == null");
    return SsoCallbacks.check(
        SsoCallbacks.parseQuery(callbackUrl.getRawQuery()), expectedState, check);
  }

  @Override
  public SsoCallback ssoCallback(Map<String, String> parameters, String expectedState) {
    return ssoCallback(parameters, expectedState, SsoStateCheck.REQUIRED);
  }

  @Override
  public SsoCallback ssoCallback(
      Map<String, String> parameters, String expectedState, SsoStateCheck check) {
    Objects.requireNonNull(parameters, "parameters == null");
    return SsoCallbacks.check(SsoCallbacks.single(parameters), expectedState, check);
  }

  @Override
  public SessionTokenSource completeSso(SsoCallback callback) {
    return startSso(callback, null);
  }

  @Override
  public SessionTokenSource completeSso(SsoCallback callback, SessionListener listener) {
    return startSso(callback, Objects.requireNonNull(listener, "listener == null"));
  }

  private SessionTokenSource startSso(SsoCallback callback, @Nullable SessionListener listener) {
    Objects.requireNonNull(callback, "callback == null");
    // the callback's token as it is: a token the portal refuses is not refreshed (the SSO login
    // left no refresh cookie here) and starts no session, so no listener hears of it
    CurrentUser me =
        executor.execute(
            Call.to(Endpoints.AUTH_ME)
                .options(
                    options.with(
                        RequestOptions.builder()
                            .tokenSource(TokenSource.of(callback.accessToken()))
                            .build())),
            CurrentUser.class);
    DefaultSession session = new DefaultSession(listener, executor.settings().clock());
    session.begin(callback.accessToken(), me.user(), me.tenant(), refresher(options));
    return session;
  }

  @Override
  public String toString() {
    return "AuthApi[" + options + "]";
  }

  /**
   * A session's refresher: one {@code POST /auth/refresh} with its cookie and no bearer token (so
   * it cannot recurse into the session's own 401 handling), with the options the session's login
   * had, then those of an explicit {@link #refresh}.
   */
  private DefaultSession.Refresher refresher(RequestOptions loginOptions) {
    return (session, explicit) -> {
      RequestOptions call = explicit == null ? loginOptions : loginOptions.with(explicit);
      RefreshResult result =
          executor.execute(
              Call.to(Endpoints.AUTH_REFRESH)
                  .json(Map.of()) // the guide's refresh goes out as {} with the cookie only
                  .cookies(session.cookies())
                  .options(withoutToken(call)),
              RefreshResult.class);
      requireToken(result.accessToken(), Endpoints.AUTH_REFRESH);
      return result;
    };
  }

  private static DefaultSession own(SessionTokenSource session) {
    Objects.requireNonNull(session, "session == null");
    if (session instanceof DefaultSession own) {
      return own;
    }
    throw new IllegalArgumentException(
        "the session was not started by AuthApi.login or completeSso (it is a "
            + session.getClass().getName()
            + "); pass the session one of them returned");
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

  /**
   * The options of a login or a refresh: no bearer token, as the password or the refresh cookie
   * proves who the user is. A session bound with {@code withOptions(session.requestOptions())} is
   * dropped too, so one user's token never goes with another's login or another session's refresh;
   * a token source of another kind the caller bound is kept.
   */
  private static RequestOptions withoutToken(RequestOptions options) {
    return options
            .tokenSource()
            .filter(source -> !(source instanceof SessionTokenSource))
            .isPresent()
        ? options
        : options.with(RequestOptions.builder().tokenSource(TokenSource.none()).build());
  }
}
