package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.user.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thousands of concurrent calls through one shared client on the default JDK transport, with
 * client-credentials tokens fetched from the same loopback server: every call must return its
 * decoded value, and threads, connections and heap must be back where they were once the load is
 * over. Runs in the surefire execution {@code load}, in a JVM of its own ({@code -Xmx512m}), so
 * what it counts belongs to it alone.
 *
 * <p>Each test measures three moments: cold (server started, client built, nothing sent), warm
 * (after a warm-up at full concurrency has created the pools, the JIT'd code and the tokens) and
 * after (the measured load, then a settling wait and a few garbage collections). A leak grows with
 * the number of calls, so "after" is compared with "warm" under a small fixed slack: threads
 * outside the elastic pools, open and recently closed connections, heap. The elastic pools (the JDK
 * client's executor, the carriers of virtual threads) add a thread whenever every worker is busy
 * and end it after 60 s idle, so they follow the concurrency, not the calls: they are held to a
 * bound set by the concurrency. A per-call leak over thousands of calls exceeds either by far.
 *
 * <p>Open connections are read from {@code /proc/net/tcp} and {@code /proc/net/tcp6}, so those
 * checks run on Linux only (elsewhere they are skipped and the rest still runs).
 *
 * <p>Token expiry runs on a clock that advances one millisecond per call started: a token lasting 2
 * s and refreshed 1 s early serves about 1,000 calls however fast or slow the machine is, so a
 * refresh happens under load about every thousand calls and the count of token requests is known in
 * advance. Nothing here asserts a duration; the numbers measured are logged.
 */
@Tag("load")
class LoadTests {

  private static final Logger log = LoggerFactory.getLogger(LoadTests.class);

  private static final int CONCURRENCY = 64;
  private static final int WARM_UP_CALLS = 1_000;
  private static final int CALLS = 10_000;

  /** The server's latency on every API route, so that calls overlap. */
  private static final int LATENCY_MILLIS = 5;

  /** The token endpoint's latency: long enough for a second, concurrent fetch to be seen. */
  private static final int TOKEN_LATENCY_MILLIS = 25;

  private static final long TOKEN_LIFETIME_SECONDS = 2;
  private static final Duration REFRESH_SKEW = Duration.ofSeconds(1);

  /** Calls one token serves: its lifetime less the skew, at one logical millisecond per call. */
  private static final int CALLS_PER_TOKEN = 1_000;

  /** Threads outside the elastic pools that may appear between warm and after: none per call. */
  private static final int FIXED_THREAD_SLACK = 2;

  /** The elastic pools' bound: a few tasks in flight per concurrent exchange at most. */
  private static final int ELASTIC_THREADS_PER_CALLER = 2;

  /** Pools that grow and shrink with demand: the JDK client's, virtual threads' carriers. */
  private static final Pattern ELASTIC =
      Pattern.compile("HttpClient-[0-9]+-Worker-[0-9]+|ForkJoinPool-[0-9]+-worker-[0-9]+");

  /**
   * Connections beyond one per concurrent caller, and beyond the warm count, that are tolerated.
   */
  private static final int CONNECTION_SLACK = 4;

  /** The token provider has a client (and a connection) of its own. */
  private static final int TOKEN_CONNECTIONS = 1;

  private static final long HEAP_SLACK_BYTES = 16L * 1024 * 1024;

  private static final String USER_ID = "usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8";
  private static final String BEARER = "Bearer tok-[0-9]+";

  private final AtomicLong callsStarted = new AtomicLong();
  private final TokenEndpoint tokenEndpoint = new TokenEndpoint();
  private final ServedResponses served = new ServedResponses();

  private WireMockServer server;
  private PortalApiClient portal;

  @BeforeEach
  void startServer() {
    server =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(32)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(4)
                .disableRequestJournal() // it would keep every request: heap the client never used
                .extensions(tokenEndpoint, served));
    server.start();
    server.stubFor(
        post(urlEqualTo("/oauth/token"))
            .willReturn(aResponse().withTransformers(TokenEndpoint.NAME)));
    server.stubFor(
        get(urlPathMatching("/users/[^/]+"))
            .withHeader("Authorization", matching(BEARER))
            .willReturn(okJson(Fixtures.read("user/user.json")).withFixedDelay(LATENCY_MILLIS)));
    server.stubFor(
        post(urlEqualTo("/users/search"))
            .withHeader("Authorization", matching(BEARER))
            .willReturn(okJson(Fixtures.read("user/search.json")).withFixedDelay(LATENCY_MILLIS)));
    server.stubFor(
        delete(urlPathMatching("/users/[^/]+"))
            .withHeader("Authorization", matching(BEARER))
            .willReturn(okJson(Fixtures.read("user/deleted.json")).withFixedDelay(LATENCY_MILLIS)));
    // anything else (a missing or malformed token) is refused, and counted by its status
    server.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"success\":false,\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"no token\"}}")));

    String baseUrl = "http://127.0.0.1:" + server.port();
    ClientCredentialsTokenProvider tokens =
        ClientCredentialsTokenProvider.builder()
            .apiUrl(baseUrl)
            .clientId("app_load")
            .clientSecret("secret_load")
            .refreshSkew(REFRESH_SKEW)
            .clock(new CallClock(callsStarted))
            .timeout(Duration.ofSeconds(10))
            .build();
    portal =
        PortalApiClient.builder()
            .apiUrl(baseUrl)
            .tokenSource(tokens)
            .timeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void tenThousandConcurrentCallsSucceedAndLeaveThreadsConnectionsAndHeapAsTheyWere() {
    load(
        "platform threads",
        () -> Executors.newFixedThreadPool(CONCURRENCY, named("load-driver-")),
        WARM_UP_CALLS,
        CALLS);
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void concurrentCallsOnVirtualThreadsSucceedAndLeaveThreadsConnectionsAndHeapAsTheyWere() {
    load("virtual threads", LoadTests::virtualThreadPerTask, 500, 2_000);
  }

  private void load(String label, Supplier<ExecutorService> executors, int warmUpCalls, int calls) {
    int port = server.port();
    boolean linux = Connections.readable();
    Snapshot cold = Snapshot.take(port);
    Phase warmUp = run(executors, warmUpCalls, port);
    Snapshot warm = Snapshot.take(port);
    Phase measured = run(executors, calls, port);
    Snapshot after = Snapshot.take(port);

    List<String> startedByWarmUp = cold.newThreadNames(warm);
    List<String> newSinceWarm = warm.newThreadNames(after);
    List<String> goneSinceWarm = after.newThreadNames(warm);
    log.info(
        "load ({}): {} calls at {}-way concurrency in {} ms: {} calls/s overall, {} calls/s median"
            + " per second, latency p50 {} ms p99 {} ms; token requests {} (warm-up {}), at most {}"
            + " at once",
        label,
        calls,
        CONCURRENCY,
        measured.millis(),
        measured.callsPerSecond(),
        measured.medianCallsPerSecond(),
        measured.latencyPercentileMillis(50),
        measured.latencyPercentileMillis(99),
        measured.tokenRequests(),
        warmUp.tokenRequests(),
        tokenEndpoint.maxInFlight());
    log.info(
        "load ({}): threads cold {} warm {} after {} (elastic pools: warm {} after {}); started by the warm-up: {}; new since warm:"
            + " {}; gone since warm: {}",
        label,
        cold.threadCount(),
        warm.threadCount(),
        after.threadCount(),
        warm.elasticThreadNames().size(),
        after.elasticThreadNames().size(),
        summarize(startedByWarmUp),
        newSinceWarm,
        goneSinceWarm);
    log.info(
        "load ({}): client connections cold {} warm {} after {}, at most {} during the warm-up and"
            + " {} during the load (server side: warm {} after {}); closed in the last minute: warm"
            + " {} after {}{}",
        label,
        cold.clientConnections(),
        warm.clientConnections(),
        after.clientConnections(),
        warmUp.maxClientConnections(),
        measured.maxClientConnections(),
        warm.serverConnections(),
        after.serverConnections(),
        warm.closedConnections(),
        after.closedConnections(),
        linux ? "" : " (not counted: no /proc/net/tcp)");
    log.info(
        "load ({}): heap used after GC cold {} MB warm {} MB after {} MB (bound warm + {} MB)",
        label,
        mb(cold.heapUsed()),
        mb(warm.heapUsed()),
        mb(after.heapUsed()),
        mb(HEAP_SLACK_BYTES));

    // every call returned its decoded value, with no retry or refresh behind it
    assertThat(warmUp.failures()).as("failures of the warm-up, by type").isEmpty();
    assertThat(measured.failures()).as("failures under load, by type").isEmpty();
    assertThat(served.statuses()).as("statuses the server answered with").containsOnlyKeys(200);
    assertThat(measured.served())
        .as("requests the server saw under load: one per call, plus the token requests")
        .isEqualTo(calls + measured.tokenRequests());

    // tokens: refreshed about every thousand calls, one fetch at a time
    assertThat(tokenEndpoint.maxInFlight()).as("token requests at once").isEqualTo(1);
    assertThat(measured.tokenRequests())
        .as("token requests under load (one per %d calls)", CALLS_PER_TOKEN)
        .isBetween((long) calls / (2 * CALLS_PER_TOKEN), (long) calls / CALLS_PER_TOKEN + 2);

    // threads: none per call. The JDK client's executor (and, on virtual threads, their carrier
    // pool) is elastic: it adds a thread when a task finds every worker busy and ends one idle for
    // 60 s, so it follows the concurrency, not the calls, and is bounded by it; every other thread
    // must be the same after the load as after the warm-up
    assertThat(after.fixedThreadNames())
        .as("threads outside the elastic pools after the load (new since warm: %s)", newSinceWarm)
        .hasSizeLessThanOrEqualTo(warm.fixedThreadNames().size() + FIXED_THREAD_SLACK);
    assertThat(after.elasticThreadNames())
        .as("threads of the elastic pools after the load")
        .hasSizeLessThanOrEqualTo(ELASTIC_THREADS_PER_CALLER * CONCURRENCY);
    assertThat(
            cold.newThreadNames(after).stream().filter(name -> name.endsWith("-SelectorManager")))
        .as("JDK HttpClient selector threads started: the client's and the token provider's")
        .hasSize(2);

    // connections: at most one per concurrent caller, and no more than after the warm-up
    if (linux) {
      int bound = CONCURRENCY + TOKEN_CONNECTIONS + CONNECTION_SLACK;
      // while 64 callers start at once, the JDK opens a connection for a caller that finds none
      // idle at that instant, a moment before another's returns to the pool; on a loaded machine a
      // few more open then (72 seen for 65), and the count settles at one per caller, which the
      // warm, load and after counts hold to the tight bound
      assertThat(warmUp.maxClientConnections())
          .as("client connections during the warm-up")
          .isLessThanOrEqualTo(bound + CONCURRENCY / 4);
      assertThat(measured.maxClientConnections())
          .as("client connections during the load")
          .isLessThanOrEqualTo(bound);
      assertThat(after.clientConnections())
          .as("client connections after the load")
          .isLessThanOrEqualTo(bound)
          .isLessThanOrEqualTo(warm.clientConnections() + CONNECTION_SLACK);
      // a connection closed after each call and opened again keeps the open count low: count the
      // closed ones, which Linux keeps in TIME_WAIT for a minute, longer than the load lasts
      assertThat(after.closedConnections())
          .as("connections closed during the load")
          .isLessThanOrEqualTo(CONNECTION_SLACK);
    }

    // heap: what the load allocated is garbage once it is over
    assertThat(after.heapUsed())
        .as("heap used after the load and GC (warm: %d MB)", mb(warm.heapUsed()))
        .isLessThanOrEqualTo(warm.heapUsed() + HEAP_SLACK_BYTES);
  }

  /** Sends {@code calls} calls from {@link #CONCURRENCY} workers and counts what went wrong. */
  private Phase run(Supplier<ExecutorService> executors, int calls, int port) {
    long tokensBefore = tokenEndpoint.issued();
    long servedBefore = served.total();
    Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    Map<String, String> examples = new ConcurrentHashMap<>();
    long[] latencies = new long[calls];
    long[] completions = new long[calls];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger maxConnections = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);

    ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(named("load-connection-sampler-"));
    if (Connections.readable()) {
      sampler.scheduleWithFixedDelay(
          () -> maxConnections.accumulateAndGet(Connections.client(port), Math::max),
          0,
          20,
          TimeUnit.MILLISECONDS);
    }
    ExecutorService workers = executors.get();
    long started;
    long ended;
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < CONCURRENCY; w++) {
        running.add(
            workers.submit(
                () -> {
                  start.await();
                  for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    callsStarted.incrementAndGet();
                    long t0 = System.nanoTime();
                    String failure;
                    try {
                      failure = call(i);
                    } catch (RuntimeException e) {
                      failure = e.getClass().getSimpleName();
                      examples.putIfAbsent(failure, String.valueOf(e.getMessage()));
                    }
                    long t1 = System.nanoTime();
                    latencies[i] = t1 - t0;
                    completions[i] = t1;
                    if (failure != null) {
                      failures.computeIfAbsent(failure, key -> new LongAdder()).increment();
                    }
                  }
                  return null;
                }));
      }
      started = System.nanoTime();
      start.countDown();
      for (Future<?> worker : running) {
        worker.get();
      }
      ended = System.nanoTime();
    } catch (Exception e) {
      throw new IllegalStateException("a load worker failed outside its calls", e);
    } finally {
      shutDown(workers);
      shutDown(sampler);
    }
    if (Connections.readable()) {
      maxConnections.accumulateAndGet(Connections.client(port), Math::max);
    }
    if (!examples.isEmpty()) {
      log.warn("first failure of each type: {}", examples);
    }
    Map<String, Long> failureCounts = new TreeMap<>();
    failures.forEach((type, count) -> failureCounts.put(type, count.sum()));
    return new Phase(
        calls,
        ended - started,
        started,
        latencies,
        completions,
        Collections.unmodifiableMap(failureCounts),
        tokenEndpoint.issued() - tokensBefore,
        served.total() - servedBefore,
        maxConnections.get());
  }

  /**
   * One call of the mix (a read by id, a search, a delete): null when it returned what the server
   * sent, else what went wrong.
   */
  private String call(int i) {
    switch (i % 4) {
      case 0:
      case 1:
        User user = portal.user().findById("usr_load_" + i);
        return USER_ID.equals(user.id()) ? null : "WrongUser";
      case 2:
        Page<User> page = portal.user().search(SearchRequest.builder().page(1).limit(20).build());
        return page.items().size() == 2 && page.pagination().total() == 42 ? null : "WrongPage";
      default:
        portal.user().delete("usr_load_" + i);
        return null;
    }
  }

  private static void shutDown(ExecutorService executor) {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("load threads did not stop: " + executor);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the load threads", e);
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Java 21's {@code Executors.newVirtualThreadPerTaskExecutor()}, called on a 17 API. */
  private static ExecutorService virtualThreadPerTask() {
    try {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("virtual threads need Java 21", e);
    }
  }

  /** Thread names with their numbers dropped, counted: {@code HttpClient-1-Worker-×12}. */
  private static Map<String, Long> summarize(List<String> names) {
    return names.stream()
        .collect(
            Collectors.groupingBy(
                name -> name.replaceAll("[0-9]+$", "×"), TreeMap::new, Collectors.counting()));
  }

  private static long mb(long bytes) {
    return Math.round(bytes / (1024.0 * 1024.0));
  }

  /** Threads, open connections and heap at one moment, after a settling wait and GC. */
  private record Snapshot(
      Set<Thread> threads,
      int clientConnections,
      int serverConnections,
      int closedConnections,
      long heapUsed) {

    static Snapshot take(int port) {
      sleep(500); // threads that finished their work end, connections in flight are returned
      long heap = Long.MAX_VALUE;
      for (int round = 0; round < 4; round++) {
        System.gc();
        sleep(100);
        heap = Math.min(heap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      }
      Set<Thread> threads =
          Thread.getAllStackTraces().keySet().stream()
              .filter(Thread::isAlive)
              .collect(Collectors.toUnmodifiableSet());
      boolean linux = Connections.readable();
      return new Snapshot(
          threads,
          linux ? Connections.client(port) : -1,
          linux ? Connections.server(port) : -1,
          linux ? Connections.closedRecently(port) : -1,
          heap);
    }

    int threadCount() {
      return threads.size();
    }

    List<String> threadNames() {
      return threads.stream().map(Thread::getName).sorted().toList();
    }

    List<String> elasticThreadNames() {
      return threadNames().stream().filter(name -> ELASTIC.matcher(name).matches()).toList();
    }

    List<String> fixedThreadNames() {
      return threadNames().stream().filter(name -> !ELASTIC.matcher(name).matches()).toList();
    }

    /** Names of the threads alive in {@code later} that were not alive in this snapshot. */
    List<String> newThreadNames(Snapshot later) {
      return later.threads.stream()
          .filter(thread -> !threads.contains(thread))
          .map(Thread::getName)
          .sorted()
          .toList();
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while settling", e);
      }
    }
  }

  /** One phase's numbers. */
  private record Phase(
      int calls,
      long nanos,
      long startedNanos,
      long[] latencies,
      long[] completions,
      Map<String, Long> failures,
      long tokenRequests,
      long served,
      int maxClientConnections) {

    long millis() {
      return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    long callsPerSecond() {
      return Math.round(calls / (nanos / 1e9));
    }

    /** The median of the calls completed in each full second of the phase (overall if none). */
    long medianCallsPerSecond() {
      int seconds = (int) (nanos / 1_000_000_000L);
      if (seconds == 0) {
        return callsPerSecond();
      }
      long[] perSecond = new long[seconds];
      for (long completed : completions) {
        int second = (int) ((completed - startedNanos) / 1_000_000_000L);
        if (second >= 0 && second < seconds) {
          perSecond[second]++;
        }
      }
      Arrays.sort(perSecond);
      return perSecond[seconds / 2];
    }

    double latencyPercentileMillis(int percentile) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      int index =
          Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
      return Math.round(sorted[Math.max(index, 0)] / 100_000.0) / 10.0;
    }
  }

  /**
   * Open TCP connections on loopback to the server's port, from the kernel's socket tables (Linux
   * only). The client's side counts sockets still established or half-closed by the server ({@code
   * CLOSE_WAIT}: a connection the client forgot); the server's side its established sockets.
   */
  private static final class Connections {

    private static final List<Path> TABLES =
        List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";
    private static final String CLOSE_WAIT = "08";
    private static final String TIME_WAIT = "06";

    static boolean readable() {
      return Files.isReadable(TABLES.get(0));
    }

    static int client(int port) {
      return count(port, false);
    }

    static int server(int port) {
      return count(port, true);
    }

    /** Connections to or from the port closed in the last minute, as Linux keeps them that long. */
    static int closedRecently(int port) {
      int count = 0;
      for (String[] fields : sockets()) {
        if (fields[3].equals(TIME_WAIT)
            && (port(fields[1]) == port || port(fields[2]) == port)
            && isLoopback(fields[1])) {
          count++;
        }
      }
      return count;
    }

    private static int count(int port, boolean serverSide) {
      int count = 0;
      for (String[] fields : sockets()) {
        String address = serverSide ? fields[1] : fields[2];
        String state = fields[3];
        boolean open =
            serverSide
                ? state.equals(ESTABLISHED)
                : state.equals(ESTABLISHED) || state.equals(CLOSE_WAIT);
        if (open && port(address) == port && isLoopback(address)) {
          count++;
        }
      }
      return count;
    }

    /** Local address, remote address and state (fields 1 to 3) of every TCP socket. */
    private static List<String[]> sockets() {
      List<String[]> sockets = new ArrayList<>();
      for (Path table : TABLES) {
        if (!Files.isReadable(table)) {
          continue;
        }
        List<String> lines;
        try {
          lines = Files.readAllLines(table);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length >= 4) {
            sockets.add(fields);
          }
        }
      }
      return sockets;
    }

    private static int port(String address) {
      return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }

    /** 127.0.0.1 as the kernel writes it: little-endian IPv4, or IPv4-mapped IPv6. */
    private static boolean isLoopback(String address) {
      String host = address.substring(0, address.indexOf(':'));
      return host.equals("0100007F") || host.equals("0000000000000000FFFF00000100007F");
    }
  }

  /**
   * The token endpoint: a new token on every request ({@code tok-1}, {@code tok-2}, …), after a
   * latency during which it counts the requests in flight.
   */
  static final class TokenEndpoint implements ResponseDefinitionTransformerV2 {

    static final String NAME = "load-token-endpoint";

    private final AtomicLong issued = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(TOKEN_LATENCY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
      return new ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withBody(
              "{\"access_token\":\"tok-"
                  + issued.incrementAndGet()
                  + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                  + TOKEN_LIFETIME_SECONDS
                  + "}")
          .build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }

    long issued() {
      return issued.get();
    }

    int maxInFlight() {
      return maxInFlight.get();
    }
  }

  /** Counts every response the server sends, by status. */
  static final class ServedResponses implements ServeEventListener {

    private final LongAdder total = new LongAdder();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    @Override
    public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
      total.increment();
      statuses
          .computeIfAbsent(
              serveEvent.getResponseDefinition().getStatus(), status -> new LongAdder())
          .increment();
    }

    @Override
    public String getName() {
      return "load-served-responses";
    }

    long total() {
      return total.sum();
    }

    Map<Integer, Long> statuses() {
      Map<Integer, Long> counts = new TreeMap<>();
      statuses.forEach((status, count) -> counts.put(status, count.sum()));
      return counts;
    }
  }

  /** UTC time that advances one millisecond per call started. */
  private static final class CallClock extends Clock {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong calls;

    CallClock(AtomicLong calls) {
      this.calls = calls;
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
      return START.plusMillis(calls.get());
    }
  }
}
