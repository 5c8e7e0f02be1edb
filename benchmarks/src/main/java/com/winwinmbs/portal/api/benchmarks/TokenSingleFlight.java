package com.winwinmbs.portal.api.benchmarks;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 1,000 callers at once on an expired client-credentials token: counts the token requests the stub
 * receives (must be one per round) and prints each caller's latency at p50 and p99.
 *
 * <p>Callers are virtual threads when the JDK has them (21+), platform threads otherwise. Run:
 * {@code java -cp benchmarks.jar com.winwinmbs.portal.api.benchmarks.TokenSingleFlight [callers]
 * [rounds]}.
 */
public final class TokenSingleFlight {

  private TokenSingleFlight() {}

  /** A clock the test moves forward, so the cached token expires without waiting an hour. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-22T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  public static void main(String[] args) throws Exception {
    int callers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    ExecutorService threads = newCallerExecutor(callers);
    String kind =
        threads.getClass().getSimpleName().contains("ThreadPerTask") ? "virtual" : "platform";
    System.out.printf(
        "JDK %s, %d callers on %s threads, %d rounds%n", Runtime.version(), callers, kind, rounds);
    try (StubPortal stub = StubPortal.start(8, 1)) {
      MovableClock clock = new MovableClock();
      ClientCredentialsTokenProvider tokens =
          ClientCredentialsTokenProvider.builder()
              .apiUrl(stub.baseUrl())
              .clientId("app_bench")
              .clientSecret("bench-secret")
              .clock(clock)
              .build();
      PortalApiClient portal =
          PortalApiClient.builder().apiUrl(stub.baseUrl()).tokenSource(tokens).build();
      // The first token, then warm-up calls so the rounds time the refresh, not class loading.
      for (int i = 0; i < 200; i++) {
        portal.user().findById("usr_warmup");
      }
      boolean allOne = true;
      for (int round = 1; round <= rounds; round++) {
        clock.advance(Duration.ofHours(2)); // past expires_in (3600 s): the cached token is stale
        int before = stub.tokenRequests();
        long[] latencies = round(portal, threads, callers);
        int fetched = stub.tokenRequests() - before;
        allOne &= fetched == 1;
        Arrays.sort(latencies);
        System.out.printf(
            "round %d: token requests %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            round,
            fetched,
            percentile(latencies, 50) / 1e6,
            percentile(latencies, 99) / 1e6,
            latencies[latencies.length - 1] / 1e6);
      }
      System.out.println(allOne ? "OK: one token request per round" : "FAILED: see rounds");
      if (!allOne) {
        System.exit(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static long[] round(PortalApiClient portal, ExecutorService threads, int callers)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger failures = new AtomicInteger();
    Future<?>[] futures = new Future<?>[callers];
    long[] latencies = new long[callers];
    for (int i = 0; i < callers; i++) {
      int caller = i;
      futures[i] =
          threads.submit(
              () -> {
                ready.countDown();
                try {
                  go.await();
                  long start = System.nanoTime();
                  portal.user().findById("usr_" + caller);
                  latencies[caller] = System.nanoTime() - start;
                } catch (Exception e) {
                  failures.incrementAndGet();
                }
                return null;
              });
    }
    ready.await();
    go.countDown();
    for (Future<?> future : futures) {
      future.get(2, TimeUnit.MINUTES);
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " callers failed");
    }
    return latencies;
  }

  private static long percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }

  /** Virtual threads on JDK 21+ (found reflectively: this module compiles for 17). */
  private static ExecutorService newCallerExecutor(int callers) {
    try {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      return Executors.newFixedThreadPool(callers);
    }
  }
}
