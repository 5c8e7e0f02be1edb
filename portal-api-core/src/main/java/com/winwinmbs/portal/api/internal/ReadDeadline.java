package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a response whose body has not been read by a deadline, which makes a blocked read return:
 * transports bound the wait for the headers only, so a stalled body would otherwise hang its
 * caller.
 *
 * <pre>{@code
 * ReadDeadline deadline = ReadDeadline.start(response, remainingNanos);
 * try { read(response); } finally { if (deadline.cancel()) { ...the body stalled... } }
 * }</pre>
 */
public final class ReadDeadline {

  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final ScheduledFuture<?> task;
  private final AtomicBoolean fired = new AtomicBoolean();

  private ReadDeadline(TransportResponse response, long delayNanos) {
    this.task =
        TIMER.schedule(
            () -> {
              fired.set(true);
              try {
                response.close();
              } catch (IOException | RuntimeException ignored) {
                // the reader sees the body end or fail either way
              }
            },
            Math.max(delayNanos, 0),
            TimeUnit.NANOSECONDS);
  }

  /** Runs the task on the deadline thread after the delay; the task must be quick. */
  static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
    return TIMER.schedule(task, Math.max(delayNanos, 0), TimeUnit.NANOSECONDS);
  }

  /** Closes the response after {@code delayNanos} unless cancelled first. */
  public static ReadDeadline start(TransportResponse response, long delayNanos) {
    return new ReadDeadline(response, delayNanos);
  }

  /** Stops the deadline; true when it had already closed the response. */
  public boolean cancel() {
    task.cancel(false);
    return fired.get();
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "portal-api-read-deadline");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true); // most deadlines are cancelled: do not keep them queued
    return timer;
  }
}
