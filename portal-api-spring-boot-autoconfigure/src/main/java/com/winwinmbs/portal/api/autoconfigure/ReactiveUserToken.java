package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TokenSource;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Portal calls with the bearer token of the user a reactive (WebFlux) request serves. A reactive
 * application keeps the user in the Reactor context, not on a thread, so the {@code forward} and
 * {@code hybrid} modes cannot see it there; instead each call gets the user's token in its {@link
 * RequestOptions}, and the client's own token (the machine token, if any) is not used for it.
 *
 * <pre>{@code
 * @GetMapping("/users/{id}")
 * Mono<User> user(@PathVariable String id) {
 *   return ReactiveUserToken.call((options) -> users.withOptions(options).findById(id));
 * }
 * }</pre>
 *
 * <p>The token is the OAuth2 token of the authentication in the reactive security context (a {@code
 * JwtAuthenticationToken}'s JWT, a {@code BearerTokenAuthentication}'s opaque token): one Spring
 * Security has validated, never a raw {@code Authorization} header. A request without one is
 * refused with {@link AccessDeniedException} before anything is sent (Spring Security answers an
 * anonymous caller 401 and an authenticated one without an OAuth2 token 403).
 */
public final class ReactiveUserToken {

  private ReactiveUserToken() {}

  /**
   * Options carrying the current user's token, for one or more calls.
   *
   * @return the options, or an {@link AccessDeniedException} when the reactive security context
   *     holds no OAuth2 token
   */
  public static Mono<RequestOptions> requestOptions() {
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(SecurityContext::getAuthentication)
        .mapNotNull(ReactiveUserToken::tokenValue)
        .map((token) -> RequestOptions.builder().tokenSource(TokenSource.of(token)).build())
        .switchIfEmpty(
            Mono.error(
                () ->
                    new AccessDeniedException(
                        "No OAuth2 bearer token in the reactive security context to call the"
                            + " portal with")));
  }

  /**
   * Makes a call with the current user's token on a thread that may block ({@link
   * Schedulers#boundedElastic()}), as the portal client waits for the portal's answer.
   *
   * @param call the call, given the options to pass to it
   * @return its result (empty for a null result), or the call's exception, or an {@link
   *     AccessDeniedException} without a user token, in which case nothing is sent
   */
  public static <T> Mono<T> call(Function<RequestOptions, @Nullable T> call) {
    return requestOptions().publishOn(Schedulers.boundedElastic()).mapNotNull(call);
  }

  /**
   * {@link #call} for a call without a result, such as {@code delete}.
   *
   * @param call the call, given the options to pass to it
   * @return completion, or the call's exception, or an {@link AccessDeniedException} without a user
   *     token, in which case nothing is sent
   */
  public static Mono<Void> run(Consumer<RequestOptions> call) {
    return requestOptions().publishOn(Schedulers.boundedElastic()).doOnNext(call).then();
  }

  private static @Nullable String tokenValue(Authentication authentication) {
    return (authentication.getCredentials() instanceof AbstractOAuth2Token token)
        ? token.getTokenValue()
        : null;
  }
}
