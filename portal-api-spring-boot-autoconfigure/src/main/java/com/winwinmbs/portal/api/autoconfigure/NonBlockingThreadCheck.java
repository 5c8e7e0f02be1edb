package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import org.springframework.util.ClassUtils;
import reactor.core.scheduler.Schedulers;

/**
 * Refuses a portal call made on a thread that must never block, such as a Reactor Netty event loop:
 * the client waits for the portal's answer, which would stall every request that thread serves.
 * Refusing before anything is sent also keeps the HTTP library's own refusal from being taken for
 * an I/O failure and retried.
 */
final class NonBlockingThreadCheck implements PortalInterceptor {

  static final boolean REACTOR_PRESENT =
      ClassUtils.isPresent(
          "reactor.core.scheduler.Schedulers", NonBlockingThreadCheck.class.getClassLoader());

  /**
   * The check as the first link of every call: before the token is fetched and before anything is
   * sent, whatever the transport.
   */
  static final NonBlockingThreadCheck INTERCEPTOR = new NonBlockingThreadCheck();

  private NonBlockingThreadCheck() {}

  @Override
  public TransportResponse intercept(Chain chain) throws IOException {
    requireBlockingAllowed(chain.request().method() + " " + chain.request().uriTemplate());
    return chain.proceed(chain.request());
  }

  /**
   * Passes on any thread that may block.
   *
   * @param call the call, for the message, such as {@code GET /users/{id}}
   * @throws IllegalStateException on a thread Reactor marks as non-blocking
   */
  static void requireBlockingAllowed(String call) {
    if (REACTOR_PRESENT && Schedulers.isInNonBlockingThread()) {
      throw new IllegalStateException(
          "The portal call "
              + call
              + " waits for the portal's answer, but it was made on the non-blocking thread '"
              + Thread.currentThread().getName()
              + "', which must never wait. Make it on a thread that may block, for example"
              + " Mono.fromCallable(...).subscribeOn(Schedulers.boundedElastic()), or with"
              + " ReactiveUserToken.call(...) for a call with the user's token.");
    }
  }
}
