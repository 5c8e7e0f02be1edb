package com.winwinmbs.portal.api.benchmarks;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.user.UserApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring context start with and without the portal auto-configuration, alternated in one JVM, and
 * proof that starting makes no network connection: the base URL and the token endpoint point at a
 * socket that counts every connection it accepts.
 *
 * <p>Both contexts are the same minimal application ({@code @EnableAutoConfiguration}, no web
 * server, RestClient and Jackson on the classpath); the second excludes the two portal
 * auto-configurations. Run: {@code java -cp benchmarks.jar
 * com.winwinmbs.portal.api.benchmarks.StartupBenchmark [warm-up pairs] [measured pairs]}.
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
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    try (ConnectionCounter counter = new ConnectionCounter()) {
      String url = "http://127.0.0.1:" + counter.port();
      String[] portal = {
        "portal.api.base-url=" + url,
        "portal.api.auth.client-id=app_bench",
        "portal.api.auth.client-secret=bench-secret",
        "portal.api.auth.token-endpoint=" + url + "/oauth/token",
        "logging.level.root=WARN"
      };
      String[] without = Arrays.copyOf(portal, portal.length + 1);
      without[portal.length] = EXCLUDE;

      long[] with = new long[pairs];
      long[] withoutTimes = new long[pairs];
      for (int i = -warmups; i < pairs; i++) {
        // Alternate the order so neither variant always runs on a warmer JVM.
        boolean withFirst = (i & 1) == 0;
        long a = withFirst ? start(portal, true) : start(without, false);
        long b = withFirst ? start(without, false) : start(portal, true);
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
          "connections accepted during %d starts: %d%n", 2 * (warmups + pairs), counter.count());
      if (counter.count() != 0) {
        System.exit(1);
      }
    }
  }

  private static long start(String[] properties, boolean expectPortal) {
    long begin = System.nanoTime();
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .bannerMode(org.springframework.boot.Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties(properties)
            .run();
    long elapsed = System.nanoTime() - begin;
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
