package com.winwinmbs.portal.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.winwinmbs.portal.api.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The single-flight token fetch of {@link ClientCredentialsTokenProvider} when callers stop: the
 * caller whose thread sends the token request (the owner) being interrupted or cancelled fails only
 * that caller, and one of the callers waiting for it sends the request again for the rest; a
 * waiting caller's own interrupt ends its wait only; a {@code reset()} during the request keeps its
 * token out of the cache. Over real HTTP: the JDK's HttpServer holds the first token request open
 * until the test lets it answer.
 */
@Timeout(30)
class TokenFetchInterruptTests {

  private static final int WAITERS = 50;

  /** Answers the n-th token request with {@code at-n}; the first only once released. */
  private HttpServer server;

  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch releaseFirst = new CountDownLatch(1);
  private final List<Thread> threads = new ArrayList<>();
  private ExecutorService pool;
  private ClientCredentialsTokenProvider tokens;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/oauth/token", this::answer);
    server.start();
    tokens =
        ClientCredentialsTokenProvider.builder()
            .tokenEndpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token")
            .clientId("app_interrupt")
            .clientSecret("secret_interrupt")
            .timeout(Duration.ofSeconds(20))
            .build();
    ThreadFactory recorded =
        task -> {
          Thread thread = new Thread(task);
          synchronized (threads) {
            threads.add(thread);
          }
          return thread;
        };
    pool = Executors.newFixedThreadPool(WAITERS + 2, recorded);
  }

  @AfterEach
  void stopServer() {
    releaseFirst.countDown();
    pool.shutdownNow();
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      int n = requests.incrementAndGet();
      if (n == 1) {
        try {
          releaseFirst.await(25, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] body =
          ("{\"access_token\":\"at-" + n + "\",\"expires_in\":3600}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException clientGone) {
      // the interrupted owner closed its connection
    }
  }

  enum Stop {
    INTERRUPT,
    CANCEL
  }

  @ParameterizedTest
  @EnumSource(Stop.class)
  void stoppingTheCallerThatFetchesFailsOnlyThatCallerAndAWaiterTakesTheFetchOver(Stop stop)
      throws Exception {
    AtomicReference<Throwable> ownerFailure = new AtomicReference<>();
    AtomicBoolean ownerFlag = new AtomicBoolean();
    Future<?> owner =
        pool.submit(
            () -> {
              ownerFailure.set(catchThrowable(tokens::accessToken));
              ownerFlag.set(Thread.currentThread().isInterrupted());
            });
    awaitTrue(() -> requests.get() == 1);
    Thread ownerThread = threadsWaitingIn("send", 1).get(0);

    List<Future<String>> waiters = new ArrayList<>();
    for (int i = 0; i < WAITERS; i++) {
      waiters.add(pool.submit(tokens::accessToken));
    }
    threadsWaitingIn("await", WAITERS);

    if (stop == Stop.INTERRUPT) {
      ownerThread.interrupt();
    } else {
      owner.cancel(true);
    }

    for (Future<String> waiter : waiters) {
      assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("at-2");
    }
    awaitTrue(() -> ownerFailure.get() != null);
    // an interrupt is the caller's, not a failure of the token endpoint
    assertThat(ownerFailure.get())
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.INTERRUPTED));
    assertThat(ownerFlag).isTrue();
    assertThat(requests).hasValue(2);
    assertThat(tokens.cachedToken()).contains("at-2");
  }

  @Test
  void aWaiterThatIsInterruptedStopsWaitingAloneWithItsFlagSet() throws Exception {
    Future<String> owner = pool.submit(tokens::accessToken);
    awaitTrue(() -> requests.get() == 1);
    AtomicReference<Throwable> interruptedFailure = new AtomicReference<>();
    AtomicBoolean interruptedFlag = new AtomicBoolean();
    pool.submit(
        () -> {
          interruptedFailure.set(catchThrowable(tokens::accessToken));
          interruptedFlag.set(Thread.currentThread().isInterrupted());
        });
    Thread interrupted = threadsWaitingIn("await", 1).get(0);
    Future<String> patient = pool.submit(tokens::accessToken);
    threadsWaitingIn("await", 2);

    interrupted.interrupt();
    awaitTrue(() -> interruptedFailure.get() != null);
    releaseFirst.countDown();

    assertThat(interruptedFailure.get())
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.INTERRUPTED))
        .hasMessageContaining("interrupted while waiting for a token");
    assertThat(interruptedFlag).isTrue();
    assertThat(owner.get(10, TimeUnit.SECONDS)).isEqualTo("at-1");
    assertThat(patient.get(10, TimeUnit.SECONDS)).isEqualTo("at-1");
    assertThat(requests).hasValue(1);
  }

  @Test
  void resetDuringTheFetchKeepsItsTokenOutOfTheCacheAndLaterCallersFetchAnew() throws Exception {
    Future<String> before = pool.submit(tokens::accessToken);
    awaitTrue(() -> requests.get() == 1);

    tokens.reset();
    // a caller after the reset does not wait for the request sent before it
    assertThat(pool.submit(tokens::accessToken).get(10, TimeUnit.SECONDS)).isEqualTo("at-2");
    releaseFirst.countDown();

    assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo("at-1");
    assertThat(tokens.cachedToken()).contains("at-2");
    assertThat(tokens.accessToken()).isEqualTo("at-2");
    assertThat(requests).hasValue(2);
  }

  @Test
  void resetDuringTheOnlyFetchLeavesTheCacheEmpty() throws Exception {
    Future<String> before = pool.submit(tokens::accessToken);
    awaitTrue(() -> requests.get() == 1);

    tokens.reset();
    releaseFirst.countDown();

    assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo("at-1");
    assertThat(tokens.cachedToken()).isEmpty();
    assertThat(tokens.accessToken()).isEqualTo("at-2");
  }

  @Test
  void aTokenRejectedWhileItIsBeingFetchedIsNotCached() throws Exception {
    Future<String> before = pool.submit(tokens::accessToken);
    awaitTrue(() -> requests.get() == 1);

    tokens.invalidate("at-1"); // as when the endpoint hands out a token the portal already refused
    releaseFirst.countDown();

    assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo("at-1");
    assertThat(tokens.cachedToken()).isEmpty();
  }

  /** The pool's threads whose stack is in a method of this name, once there are {@code count}. */
  private List<Thread> threadsWaitingIn(String method, int count) {
    List<Thread> found = new ArrayList<>();
    awaitTrue(
        () -> {
          found.clear();
          synchronized (threads) {
            for (Thread thread : threads) {
              boolean inMethod =
                  Arrays.stream(thread.getStackTrace())
                      .anyMatch(
                          frame ->
                              frame.getMethodName().equals(method)
                                  && (frame.getClassName().endsWith("SingleFlightTokenCache")
                                      || frame.getClassName().startsWith("java.net.http")
                                      || frame.getClassName().startsWith("jdk.internal.net.http")));
              if (inMethod
                  && (thread.getState() == Thread.State.WAITING
                      || thread.getState() == Thread.State.TIMED_WAITING)) {
                found.add(thread);
              }
            }
          }
          return found.size() == count;
        });
    return List.copyOf(found);
  }

  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
