package com.winwinmbs.portal.api.benchmarks;

import java.util.Locale;
import java.util.Map;

/** The tables and head-to-head lines of an {@link Interleaved} run, as Markdown. */
final class InterleavedReport {

  private InterleavedReport() {}

  /** Prints one table of results as ratios to {@code baseline}. */
  static void print(String title, Map<String, Interleaved.Result> results, String baseline) {
    Interleaved.Result base = results.getOrDefault(baseline, results.values().iterator().next());
    System.out.println();
    System.out.println("## " + title);
    System.out.println();
    System.out.println(
        "| client | ops/s | × baseline | rounds ≥ 0.95× | p50 µs | p99 µs | CPU µs/call | B/call |"
            + " × baseline | threads/call | switches/call |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Interleaved.Result r : results.values()) {
      int ahead = 0;
      for (int i = 0; i < r.roundOps().size(); i++) {
        if (r.roundOps().get(i) >= 0.95 * base.roundOps().get(i)) {
          ahead++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %,.0f | %.2f | %d/%d | %,.0f | %,.0f | %,.1f | %,.0f | %.2f | %.3f | %.1f |%n",
          r.client(),
          r.opsPerSecond(),
          r.opsPerSecond() / base.opsPerSecond(),
          ahead,
          r.roundOps().size(),
          r.p50Micros(),
          r.p99Micros(),
          r.cpuMicrosPerCall(),
          r.bytesPerCall(),
          r.bytesPerCall() / base.bytesPerCall(),
          r.threadsPerCall(),
          r.switchesPerCall());
    }
  }

  /** Per round, the ratio of {@code a} to {@code b}: how often one was ahead. */
  static String headToHead(Map<String, Interleaved.Result> results, String a, String b) {
    Interleaved.Result ra = results.get(a);
    Interleaved.Result rb = results.get(b);
    if (ra == null || rb == null) {
      return "";
    }
    int ahead = 0;
    StringBuilder ratios = new StringBuilder();
    for (int i = 0; i < ra.roundOps().size(); i++) {
      double ratio = ra.roundOps().get(i) / rb.roundOps().get(i);
      ahead += ratio > 1 ? 1 : 0;
      ratios.append(String.format(Locale.ROOT, "%s%.2f", i == 0 ? "" : " ", ratio));
    }
    return String.format(
        Locale.ROOT,
        "%s vs %s: ahead in %d of %d rounds (per round: %s)",
        a,
        b,
        ahead,
        ra.roundOps().size(),
        ratios);
  }
}
