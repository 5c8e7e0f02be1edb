package com.winwinmbs.portal.api.benchmarks;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.user.UserApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Spring context start with and without the portal auto-configuration, alternated in one JVM, and
 * proof that starting makes no network connection: the base URL and the token endpoint point at a
 * socket that counts every connection it accepts.
 *
 * <p>Both contexts are the same minimal application ({@code @EnableAutoConfiguration}, no web
 * server, RestClient and Jackson on the classpath); the second excludes the two portal
 * auto-configurations. Run: {@code java -cp benchmarks.jar
 * com.winwinmbs.portal.api.benchmarks.StartupBenchmark [--profile] [warm-up pairs] [measured
 * pairs]}; {@code --profile} also records Spring's start-up steps ({@link
 * BufferingApplicationStartup}) in extra starts of each variant and prints what each step adds.
 */
public final class StartupBenchmark {

  private static final String EXCLUDE =
      "spring.autoconfigure.exclude="
          + "com.winwinmbs.portal.api.autoconfigure.PortalApiAutoConfiguration,"
          + "com.winwinmbs.portal.api.autoconfigure.PortalApiAuthAutoConfiguration";

  private StartupBenchmark() {}

  /** The smallest Boot application: auto-configuration and nothing else. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  public static void main(String[] args) throws Exception {
    boolean profile = args.length > 0 && args[0].equals("--profile");
    if (profile) {
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    try (ConnectionCounter counter = new ConnectionCounter()) {
      String url = "http://127.0.0.1:" + counter.port();
      String[] portal = {
        "portal.api.base-url=" + url,
        "portal.api.auth.client-id=app_bench",
        "portal.api.auth.client-secret=bench-secret",
        "portal.api.auth.token-endpoint=" + url + "/oauth/token",
        "logging.level.root=WARN",
        // Boot's JDK request factory, which an application with only RestClient has: the
        // benchmarks jar carries Apache HttpClient 5, Jetty and Reactor Netty too (for
        // LoadComparison), and Boot would otherwise pick Apache's
        "spring.http.clients.imperative.factory=jdk"
      };
      String[] without = Arrays.copyOf(portal, portal.length + 1);
      without[portal.length] = EXCLUDE;

      long[] with = new long[pairs];
      long[] withoutTimes = new long[pairs];
      for (int i = -warmups; i < pairs; i++) {
        // Alternate the order so neither variant always runs on a warmer JVM.
        boolean withFirst = (i & 1) == 0;
        long a = withFirst ? start(portal, true, false) : start(without, false, false);
        long b = withFirst ? start(without, false, false) : start(portal, true, false);
        if (profile && i >= 0) {
          // extra, recorded starts: recording is not free, so the timed starts above are not
          start(portal, true, true);
          start(without, false, true);
        }
        if (i >= 0) {
          with[i] = withFirst ? a : b;
          withoutTimes[i] = withFirst ? b : a;
        }
      }
      Arrays.sort(with);
      Arrays.sort(withoutTimes);
      double medianWith = median(with) / 1e6;
      double medianWithout = median(withoutTimes) / 1e6;
      System.out.printf(
          "JDK %s, %d warm-up pairs, %d measured pairs%n", Runtime.version(), warmups, pairs);
      System.out.printf(
          "context start without portal auto-configuration: median %.1f ms%n", medianWithout);
      System.out.printf(
          "context start with portal auto-configuration:    median %.1f ms%n", medianWith);
      System.out.printf(
          "added by the auto-configuration: %.1f ms (ratio %.2f)%n",
          medianWith - medianWithout, medianWith / medianWithout);
      System.out.printf(
          "connections accepted during %d starts: %d%n", STARTS.get(), counter.count());
      if (profile) {
        printSteps();
      }
      if (counter.count() != 0) {
        System.exit(1);
      }
    }
  }

  /** Spring's start-up steps, per variant: step (or portal bean) name to durations. */
  private static final Map<Boolean, Map<String, List<Double>>> STEPS = new TreeMap<>();

  private static final AtomicInteger STARTS = new AtomicInteger();

  private static long start(String[] properties, boolean expectPortal, boolean record) {
    BufferingApplicationStartup steps = new BufferingApplicationStartup(10_000);
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .bannerMode(org.springframework.boot.Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties(properties);
    if (record) {
      builder.applicationStartup(steps);
    }
    STARTS.incrementAndGet();
    long begin = System.nanoTime();
    ConfigurableApplicationContext context = builder.run();
    long elapsed = System.nanoTime() - begin;
    if (record) {
      Map<String, Double> totals = new TreeMap<>();
      for (StartupTimeline.TimelineEvent event : steps.getBufferedTimeline().getEvents()) {
        String name = event.getStartupStep().getName();
        if (name.equals("spring.beans.instantiate")) {
          String bean = "";
          for (StartupStep.Tag tag : event.getStartupStep().getTags()) {
            if (tag.getKey().equals("beanName")) {
              bean = tag.getValue();
            }
          }
          name = bean.toLowerCase(Locale.ROOT).contains("portal") ? "bean " + bean : "other beans";
        }
        totals.merge(name, event.getDuration().toNanos() / 1e6, Double::sum);
      }
      totals.forEach(
          (name, ms) ->
              STEPS
                  .computeIfAbsent(expectPortal, k -> new TreeMap<>())
                  .computeIfAbsent(name, k -> new ArrayList<>())
                  .add(ms));
    }
    try (context) {
      boolean hasPortal =
          context.getBeanNamesForType(PortalApiClient.class).length == 1
              && context.getBeanNamesForType(UserApi.class).length == 1;
      if (hasPortal != expectPortal) {
        throw new IllegalStateException("portal beans present: " + hasPortal);
      }
    }
    return elapsed;
  }

  private static void printSteps() {
    Map<String, List<Double>> with = STEPS.getOrDefault(true, Map.of());
    Map<String, List<Double>> without = STEPS.getOrDefault(false, Map.of());
    Set<String> names = new TreeSet<>(with.keySet());
    names.addAll(without.keySet());
    System.out.println("start-up steps, median ms: with, without, added");
    for (String name : names) {
      double a = median(with.get(name));
      double b = median(without.get(name));
      if (Math.abs(a - b) >= 0.5) {
        System.out.printf("  %-70s %7.1f %7.1f %+7.1f%n", name, a, b, a - b);
      }
    }
  }

  private static double median(@Nullable List<Double> values) {
    if (values == null || values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  /** A loopback socket that accepts and counts connections, then closes them. */
  static final class ConnectionCounter implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger count = new AtomicInteger();
    private final Thread acceptor;

    ConnectionCounter() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket accepted = socket.accept()) {
                    count.incrementAndGet();
                  } catch (IOException e) {
                    return; // closed
                  }
                }
              },
              "connection-counter");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int count() {
      return count.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
