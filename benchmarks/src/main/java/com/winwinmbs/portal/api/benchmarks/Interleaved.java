package com.winwinmbs.portal.api.benchmarks;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs clients in turn, each for a slice of time on the same {@code n} worker threads, round after
 * round, so every client sees the same slow and fast moments of a shared machine. Per slice it
 * records throughput, the latency of every call (p50, p99), the process CPU time per call, the
 * bytes allocated per call by the whole JVM less the stub server's threads, and the threads the JVM
 * started per call. Results are medians over the measured rounds.
 *
 * <p>The worker threads are started once, before the first slice, so the thread count measures only
 * what the clients start. Allocation is read from {@code ThreadMXBean}: on JDK 21+ the JVM's total
 * ({@code getTotalThreadAllocatedBytes}); on JDK 17 the sum over live threads, which misses what a
 * thread allocated if it ended within the slice (a client that starts a thread per call shows it in
 * the thread column instead).
 */
final class Interleaved {

  /** One call of one client. */
  @FunctionalInterface
  interface Call {
    Object run() throws Exception;
  }

  /** The medians of one client over the measured rounds. */
  record Result(
      String client,
      double opsPerSecond,
      double p50Micros,
      double p99Micros,
      double cpuMicrosPerCall,
      double bytesPerCall,
      double threadsPerCall,
      double switchesPerCall,
      List<Double> roundOps) {}

  private static final int SAMPLES_PER_WORKER = 1 << 16;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final @Nullable Method TOTAL_ALLOCATED = totalAllocated();

  private final int threads;
  private final Worker[] workers;
  private final CyclicBarrier start;
  private final CyclicBarrier done;
  private final long[] merged;
  private volatile @Nullable Call task;
  private volatile long deadline;
  private volatile boolean stop;
  private long sliceErrors;
  private @Nullable Throwable sliceFailure;

  Interleaved(int threads) {
    this.threads = threads;
    this.workers = new Worker[threads];
    this.start = new CyclicBarrier(threads + 1);
    this.done = new CyclicBarrier(threads + 1);
    this.merged = new long[threads * SAMPLES_PER_WORKER];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Worker(i);
      workers[i].start();
    }
  }

  /**
   * Runs every client for {@code sliceMillis} per round, {@code warmups} rounds unrecorded then
   * {@code rounds} recorded; the first client of each round moves one place on, so no client always
   * follows the same one.
   *
   * @param serverBytes the bytes the server's threads allocated so far, subtracted from the JVM's
   */
  Map<String, Result> run(
      Map<String, Call> clients,
      int warmups,
      int rounds,
      long sliceMillis,
      LongSupplier serverBytes) {
    List<String> names = new ArrayList<>(clients.keySet());
    Map<String, List<double[]>> samples = new LinkedHashMap<>();
    names.forEach(name -> samples.put(name, new ArrayList<>()));
    for (int round = -warmups; round < rounds; round++) {
      int first = Math.floorMod(round, names.size());
      for (int k = 0; k < names.size(); k++) {
        String name = names.get((first + k) % names.size());
        double[] slice = slice(clients.get(name), sliceMillis, serverBytes);
        if (round >= 0) {
          samples.get(name).add(slice);
        }
        if (sliceErrors > 0) {
          // a failed call is not counted as done; one reset among a million requests under
          // another build's load should not end the whole run, but it is reported
          System.out.printf(
              "- %s: %d call(s) failed in a %s round, first: %s%n",
              name, sliceErrors, round >= 0 ? "measured" : "warm-up", sliceFailure);
        }
      }
    }
    Map<String, Result> results = new LinkedHashMap<>();
    for (String name : names) {
      List<double[]> s = samples.get(name);
      List<Double> ops = s.stream().map(v -> v[0]).toList();
      results.put(
          name,
          new Result(
              name,
              median(ops),
              median(s.stream().map(v -> v[1]).toList()),
              median(s.stream().map(v -> v[2]).toList()),
              median(s.stream().map(v -> v[3]).toList()),
              median(s.stream().map(v -> v[4]).toList()),
              median(s.stream().map(v -> v[5]).toList()),
              median(s.stream().map(v -> v[6]).toList()),
              ops));
    }
    return results;
  }

  /**
   * ops/s, p50 µs, p99 µs, CPU µs per call, bytes per call, threads started per call, context
   * switches per call.
   */
  private double[] slice(Call call, long sliceMillis, LongSupplier serverBytes) {
    for (Worker worker : workers) {
      worker.count = 0;
      worker.errors = 0;
      worker.failure = null;
    }
    task = call;
    long switchesBefore = contextSwitches();
    long serverBefore = serverBytes.getAsLong();
    long startedBefore = THREADS.getTotalStartedThreadCount();
    long bytesBefore = allocatedBytes();
    long cpuBefore = OS.getProcessCpuTime();
    long begin = System.nanoTime();
    deadline = begin + sliceMillis * 1_000_000;
    await(start);
    await(done);
    long elapsed = System.nanoTime() - begin;
    long cpu = OS.getProcessCpuTime() - cpuBefore;
    long bytes = allocatedBytes() - bytesBefore;
    long started = THREADS.getTotalStartedThreadCount() - startedBefore;
    long server = serverBytes.getAsLong() - serverBefore;
    long switches = contextSwitches() - switchesBefore;
    long ops = 0;
    int samples = 0;
    sliceErrors = 0;
    sliceFailure = null;
    for (Worker worker : workers) {
      if (worker.failure != null && sliceFailure == null) {
        sliceFailure = worker.failure;
      }
      sliceErrors += worker.errors;
      ops += worker.count;
      int n = (int) Math.min(worker.count, SAMPLES_PER_WORKER);
      System.arraycopy(worker.latencies, 0, merged, samples, n);
      samples += n;
    }
    if (ops == 0) {
      throw new IllegalStateException("no call completed within the slice");
    }
    Arrays.sort(merged, 0, samples);
    return new double[] {
      ops * 1e9 / elapsed,
      merged[(int) (samples * 0.50)] / 1e3,
      merged[Math.min(samples - 1, (int) (samples * 0.99))] / 1e3,
      cpu / 1e3 / ops,
      (double) (bytes - server) / ops,
      (double) started / ops,
      switches < 0 ? Double.NaN : (double) switches / ops
    };
  }

  /** Ends the worker threads. */
  void close() {
    stop = true;
    await(start);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (BrokenBarrierException e) {
      throw new IllegalStateException(e);
    }
  }

  private final class Worker extends Thread {
    final long[] latencies = new long[SAMPLES_PER_WORKER];
    volatile long count;
    volatile long errors;
    volatile @Nullable Throwable failure;

    Worker(int index) {
      super("bench-worker-" + index);
      setDaemon(true);
    }

    @Override
    public void run() {
      int sink = 0;
      while (true) {
        await(start);
        if (stop) {
          return;
        }
        Call call = task;
        long end = deadline;
        long n = 0;
        long failed = 0;
        long now = System.nanoTime();
        while (now < end) {
          try {
            sink += call.run().hashCode();
          } catch (Exception e) {
            failed++;
            if (failure == null) {
              failure = e;
            }
            now = System.nanoTime();
            continue;
          }
          long after = System.nanoTime();
          if (n < SAMPLES_PER_WORKER) {
            latencies[(int) n] = after - now;
          }
          n++;
          now = after;
        }
        errors = failed;
        count = n;
        if (sink == 42) {
          System.out.print(""); // keeps the results alive
        }
        await(done);
      }
    }
  }

  /** Bytes allocated so far by the JVM's threads (see the class comment). */
  static long allocatedBytes() {
    if (TOTAL_ALLOCATED != null) {
      try {
        return (long) TOTAL_ALLOCATED.invoke(THREADS);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    long total = 0;
    for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
      if (bytes > 0) {
        total += bytes;
      }
    }
    return total;
  }

  /**
   * Context switches (voluntary and not) of the JVM's threads so far, from Linux's {@code
   * /proc/self/task/}; -1 elsewhere. A switch per call is a hand-off between threads: on a machine
   * with few cores it costs more than most of the call's own work.
   */
  static long contextSwitches() {
    File[] tasks = new File("/proc/self/task").listFiles();
    if (tasks == null) {
      return -1;
    }
    long total = 0;
    for (File task : tasks) {
      try {
        for (String line : Files.readAllLines(new File(task, "status").toPath())) {
          if (line.startsWith("voluntary_ctxt_switches:")
              || line.startsWith("nonvoluntary_ctxt_switches:")) {
            total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
          }
        }
      } catch (IOException | RuntimeException e) {
        // the thread ended while being read: its switches are lost, as a dead thread's are
      }
    }
    return total;
  }

  /** {@code getTotalThreadAllocatedBytes()}, JDK 21+. */
  private static @Nullable Method totalAllocated() {
    try {
      return com.sun.management.ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /**
   * The program's {@code name=value} arguments over its defaults, given as name, value pairs; an
   * unknown name is refused with the known ones.
   */
  static Map<String, String> options(String[] args, String... defaults) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < defaults.length; i += 2) {
      options.put(defaults[i], defaults[i + 1]);
    }
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0 || !options.containsKey(arg.substring(0, eq))) {
        throw new IllegalArgumentException(
            "unknown option " + arg + "; known: " + options.keySet());
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return options;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  int threads() {
    return threads;
  }
}
