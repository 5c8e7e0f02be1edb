package com.winwinmbs.portal.api.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The six clients of {@link UserBenchmark} alternated in one warmed JVM, each for a fixed slice in
 * turn, so every client sees the same slow and fast moments of a shared machine; prints the median
 * ops/s per client. Complements the JMH run, whose sequential forks drift with the machine's load.
 *
 * <p>Run: {@code java -Xms512m -Xmx512m -cp benchmarks.jar
 * com.winwinmbs.portal.api.benchmarks.InterleavedComparison findById|search [rounds] [slice ms]}.
 */
public final class InterleavedComparison {

  private InterleavedComparison() {}

  public static void main(String[] args) throws Exception {
    String operation = args.length > 0 ? args[0] : "findById";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    long sliceNanos = (args.length > 2 ? Long.parseLong(args[2]) : 1000) * 1_000_000;
    UserBenchmark b = new UserBenchmark();
    b.setUp();
    Map<String, Supplier<Object>> clients = new LinkedHashMap<>();
    if (operation.equals("search")) {
      clients.put("portal, JDK transport", b::search_portalJdkTransport);
      clients.put("portal, RestClient transport", b::search_portalRestClientTransport);
      clients.put("raw RestClient + Jackson (baseline)", b::search_rawRestClientJackson);
      clients.put("raw JDK HttpClient + Jackson", b::search_rawJdkHttpClientJackson);
      clients.put("Spring HTTP interface", b::search_springHttpInterface);
      clients.put("OpenFeign", b::search_openFeign);
    } else {
      clients.put("portal, JDK transport", b::findById_portalJdkTransport);
      clients.put("portal, RestClient transport", b::findById_portalRestClientTransport);
      clients.put("raw RestClient + Jackson (baseline)", b::findById_rawRestClientJackson);
      clients.put("raw JDK HttpClient + Jackson", b::findById_rawJdkHttpClientJackson);
      clients.put("Spring HTTP interface", b::findById_springHttpInterface);
      clients.put("OpenFeign", b::findById_openFeign);
    }
    Map<String, List<Double>> results = new LinkedHashMap<>();
    int sink = 0;
    for (int round = -3; round < rounds; round++) { // three rounds of warm-up
      for (Map.Entry<String, Supplier<Object>> client : clients.entrySet()) {
        long start = System.nanoTime();
        long end = start + sliceNanos;
        int ops = 0;
        while (System.nanoTime() < end) {
          sink += client.getValue().get().hashCode();
          ops++;
        }
        if (round >= 0) {
          results
              .computeIfAbsent(client.getKey(), k -> new ArrayList<>())
              .add(ops * 1e9 / (System.nanoTime() - start));
        }
      }
    }
    double baseline = median(results.get("raw RestClient + Jackson (baseline)"));
    for (Map.Entry<String, List<Double>> result : results.entrySet()) {
      double median = median(result.getValue());
      System.out.printf(
          "%s %-38s median %6.0f ops/s  %.2fx baseline%n",
          operation, result.getKey(), median, median / baseline);
    }
    System.out.println(sink == 42 ? " " : ""); // keeps the results alive
    b.tearDown();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
