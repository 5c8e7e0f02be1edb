package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@link NonBlockingThreadCheck}, alone and as the first link of every call of the client. */
@WireMockTest
class NonBlockingThreadCheckTests {

  @Test
  void aThreadThatMayBlockPasses() {
    assertThatNoException()
        .isThrownBy(() -> NonBlockingThreadCheck.requireBlockingAllowed("GET /health"));
    assertThatNoException()
        .isThrownBy(
            () ->
                onThreadThatMayBlock(
                    () -> NonBlockingThreadCheck.requireBlockingAllowed("GET /health")));
  }

  @Test
  void aNonBlockingThreadIsRefusedNamingTheCallTheThreadAndWhatToDo() {
    Throwable refused =
        onNonBlockingThread(() -> NonBlockingThreadCheck.requireBlockingAllowed("GET /users/{id}"));

    assertThat(refused)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The portal call GET /users/{id} waits for the portal's answer")
        .hasMessageContaining("non-blocking thread 'parallel-")
        .hasMessageContaining("Schedulers.boundedElastic()");
  }

  @Test
  void aCallOnANonBlockingThreadGetsNoTokenSendsNothingAndIsNotRetried(WireMockRuntimeInfo wm) {
    List<Duration> backoffs = new CopyOnWriteArrayList<>();
    AtomicInteger tokensAsked = new AtomicInteger();
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                PortalApiAutoConfiguration.class,
                PortalApiNamespaceAutoConfiguration.class,
                RestClientAutoConfiguration.class))
        .withPropertyValues(
            "portal.api.base-url=" + wm.getHttpBaseUrl(), "portal.api.retry.max-attempts=3")
        .withBean(
            TokenSource.class,
            () ->
                () -> {
                  tokensAsked.incrementAndGet();
                  return Optional.of("machine-token-1");
                })
        .withBean(PortalApiClientCustomizer.class, () -> builder -> builder.sleeper(backoffs::add))
        .run(
            (context) -> {
              PortalApiClient client = context.getBean(PortalApiClient.class);

              Throwable refused = onNonBlockingThread(() -> client.health().check());

              assertThat(refused)
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessageContaining("GET /health");
              assertThat(tokensAsked).as("token asked for").hasValue(0);
              assertThat(backoffs).as("backoffs before retries").isEmpty();
              wm.getWireMock().verifyThat(0, anyRequestedFor(anyUrl()));
            });
  }

  @Test
  void theCheckRunsBeforeTheApplicationsOwnInterceptors(WireMockRuntimeInfo wm) {
    AtomicInteger seen = new AtomicInteger();
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                PortalApiAutoConfiguration.class,
                PortalApiNamespaceAutoConfiguration.class,
                RestClientAutoConfiguration.class))
        .withPropertyValues("portal.api.base-url=" + wm.getHttpBaseUrl())
        .withBean(
            PortalInterceptor.class,
            () ->
                chain -> {
                  seen.incrementAndGet();
                  return chain.proceed(chain.request());
                })
        .run(
            (context) -> {
              PortalApiClient client = context.getBean(PortalApiClient.class);

              assertThat(onNonBlockingThread(() -> client.health().check()))
                  .isInstanceOf(IllegalStateException.class);
              assertThat(seen).hasValue(0);
            });
  }

  private static Throwable onNonBlockingThread(Runnable action) {
    return catchThrowable(
        () -> Mono.fromRunnable(action).subscribeOn(Schedulers.parallel()).block());
  }

  private static void onThreadThatMayBlock(Runnable action) {
    Mono.fromRunnable(action).subscribeOn(Schedulers.boundedElastic()).block();
  }
}
