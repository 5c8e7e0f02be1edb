package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@link NonBlockingThreadCheck}, alone and at the start of every RestClient transport call. */
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
  void aCallOnANonBlockingThreadSendsNothingAndIsNotRetried(WireMockRuntimeInfo wm) {
    List<Duration> backoffs = new CopyOnWriteArrayList<>();
    PortalApiClient client =
        PortalApiClient.builder()
            .apiUrl(wm.getHttpBaseUrl())
            .maxAttempts(3)
            .sleeper(backoffs::add)
            .transport(
                RestClientPortalTransport.create(
                    RestClient.builder(),
                    HttpClientSettings.defaults()
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))))
            .build();

    Throwable refused = onNonBlockingThread(() -> client.health().check());

    assertThat(refused)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GET /health");
    assertThat(backoffs).as("backoffs before retries").isEmpty();
    wm.getWireMock().verifyThat(0, anyRequestedFor(anyUrl()));
  }

  private static Throwable onNonBlockingThread(Runnable action) {
    return catchThrowable(
        () -> Mono.fromRunnable(action).subscribeOn(Schedulers.parallel()).block());
  }

  private static void onThreadThatMayBlock(Runnable action) {
    Mono.fromRunnable(action).subscribeOn(Schedulers.boundedElastic()).block();
  }
}
