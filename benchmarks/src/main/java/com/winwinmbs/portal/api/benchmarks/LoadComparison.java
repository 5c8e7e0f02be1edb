package com.winwinmbs.portal.api.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code findById} and {@code search} through every client, interleaved ({@link Interleaved}) at
 * one or more concurrency levels, as ratios to raw JDK {@code HttpClient} + Jackson 3 in the same
 * run; with latency, CPU, allocation and threads started per call beside the throughput.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -cp benchmarks.jar
 * com.winwinmbs.portal.api.benchmarks.LoadComparison [options]}, options:
 *
 * <ul>
 *   <li>{@code ops=findById,search} the operations
 *   <li>{@code threads=1,16} the concurrency levels (worker threads)
 *   <li>{@code rounds=6 warmups=3 slice=1000} measured rounds, warm-up rounds, slice in ms
 *   <li>{@code clients=core|spring|factories|all|name,name} which clients (see {@link #CLIENTS})
 * </ul>
 */
public final class LoadComparison {

  static final String BASELINE = "raw JDK HttpClient + Jackson";

  /** Short names, for {@code clients=}, of every client this program can run. */
  static final Map<String, String> CLIENTS = new LinkedHashMap<>();

  static {
    CLIENTS.put("raw-jdk", BASELINE);
    CLIENTS.put("raw-jdk-timeout", "raw JDK HttpClient + Jackson, request timeout");
    CLIENTS.put("portal-jdk", "portal, JDK transport (plain Java)");
    CLIENTS.put("transport-jdk", "the JDK transport alone + Jackson");
    CLIENTS.put("portal-boot-jdk", "portal, JDK transport from Boot settings");
    CLIENTS.put("starter", "portal, starter default (Boot context)");
    CLIENTS.put("starter-rest", "portal, starter http-client=rest-client");
    CLIENTS.put("portal-rest-jdk", "portal, RestClient + JDK factory");
    CLIENTS.put("portal-rest-apache", "portal, RestClient + Apache HttpClient 5");
    CLIENTS.put("portal-rest-jetty", "portal, RestClient + Jetty");
    CLIENTS.put("portal-rest-reactor", "portal, RestClient + Reactor Netty");
    CLIENTS.put("rest-jdk", "raw RestClient + JDK factory");
    CLIENTS.put("rest-apache", "raw RestClient + Apache HttpClient 5");
    CLIENTS.put("rest-jetty", "raw RestClient + Jetty");
    CLIENTS.put("rest-reactor", "raw RestClient + Reactor Netty");
    CLIENTS.put("http-interface", "Spring HTTP interface (RestClient + JDK)");
    CLIENTS.put("feign", "OpenFeign (java11 client)");
  }

  private static final Map<String, List<String>> SETS =
      Map.of(
          "core",
          List.of("raw-jdk", "portal-jdk", "feign", "http-interface"),
          "spring",
          List.of(
              "raw-jdk",
              "portal-jdk",
              "starter",
              "starter-rest",
              "portal-boot-jdk",
              "portal-rest-jdk",
              "rest-jdk",
              "http-interface",
              "feign"),
          "factories",
          List.of(
              "raw-jdk",
              "portal-rest-jdk",
              "portal-rest-apache",
              "portal-rest-jetty",
              "portal-rest-reactor",
              "rest-jdk",
              "rest-apache",
              "rest-jetty",
              "rest-reactor"),
          "all",
          List.copyOf(CLIENTS.keySet()));

  private LoadComparison() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        Interleaved.options(
            args,
            "ops",
            "findById,search",
            "threads",
            "1,16",
            "rounds",
            "6",
            "warmups",
            "3",
            "slice",
            "1000",
            "clients",
            "spring");
    List<String> names =
        SETS.getOrDefault(options.get("clients"), Arrays.asList(options.get("clients").split(",")));
    System.out.printf(
        "# %s, %d CPUs (Runtime.availableProcessors), common pool parallelism %d, %s%n",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(),
        options);
    try (StubPortal stub = StubPortal.start(4, 1)) {
      LoadClients fixture = new LoadClients(stub.baseUrl());
      for (String threads : options.get("threads").split(",")) {
        Interleaved engine = new Interleaved(Integer.parseInt(threads.trim()));
        try {
          for (String op : options.get("ops").split(",")) {
            Map<String, Interleaved.Call> calls = new LinkedHashMap<>();
            for (String name : names) {
              String label = CLIENTS.get(name);
              if (label == null) {
                throw new IllegalArgumentException(
                    "unknown client " + name + "; known: " + CLIENTS.keySet());
              }
              calls.put(label, fixture.call(name, op));
            }
            Map<String, Interleaved.Result> results =
                engine.run(
                    calls,
                    Integer.parseInt(options.get("warmups")),
                    Integer.parseInt(options.get("rounds")),
                    Long.parseLong(options.get("slice")),
                    stub::serverAllocatedBytes);
            InterleavedReport.print(op + ", " + threads + " thread(s)", results, BASELINE);
            System.out.println();
            for (String peer :
                List.of(CLIENTS.get("feign"), CLIENTS.get("http-interface"), BASELINE)) {
              String line = InterleavedReport.headToHead(results, CLIENTS.get("portal-jdk"), peer);
              if (!line.isEmpty()) {
                System.out.println("- " + line);
              }
            }
          }
        } finally {
          engine.close();
        }
      }
    }
    System.exit(0); // the Jetty and Reactor Netty clients keep non-daemon threads
  }
}
