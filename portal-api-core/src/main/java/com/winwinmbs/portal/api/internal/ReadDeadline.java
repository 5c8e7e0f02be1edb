package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Closes a response whose body has not been read by a deadline, which makes a blocked read return:
 * transports bound the wait for the headers only, so a stalled body would otherwise hang its
 * caller.
 *
 * <pre>{@code
 * ReadDeadline deadline = ReadDeadline.start(response, remainingNanos);
 * try { read(response); } finally { if (deadline.cancel()) { ...the body stalled... } }
 * }</pre>
 *
 * <p>Every call sets a deadline and nearly every one is cancelled long before it is due, so setting
 * and cancelling must cost next to nothing: a deadline is an entry in a heap ordered by due time,
 * under a lock held for a few instructions. One daemon thread ({@code portal-api-read-deadline})
 * sleeps until the earliest deadline it knows of, and is woken only when a new deadline is due
 * before that; a cancelled entry leaves the heap at once and never wakes it. (A {@code
 * ScheduledThreadPoolExecutor} wakes its thread whenever a task becomes the earliest, which for a
 * client making one call at a time is on every call: a thread hand-off per call.)
 */
public final class ReadDeadline {

  private static final Watchdog WATCHDOG = new Watchdog();

  private final Task task;

  private ReadDeadline(Task task) {
    this.task = task;
  }

  /** Closes the response after {@code delayNanos} unless cancelled first. */
  public static ReadDeadline start(TransportResponse response, long delayNanos) {
    return new ReadDeadline(WATCHDOG.schedule(new Closer(response), delayNanos));
  }

  /** Stops the deadline; true when it had already closed the response. */
  public boolean cancel() {
    return WATCHDOG.cancel(task);
  }

  /**
   * Runs the task on the deadline thread after the delay, unless cancelled first; the task must be
   * quick. {@link Task#cancel()} stops it.
   */
  static Task schedule(Runnable action, long delayNanos) {
    return WATCHDOG.schedule(action, delayNanos);
  }

  /** A scheduled action; cancel it with {@link #cancel()}. */
  static final class Task {
    private final Runnable action;
    private final long due; // System.nanoTime() based
    private int index = -1; // in the heap; -1 when not queued. Guarded by the watchdog's lock
    private volatile boolean fired;

    private Task(Runnable action, long due) {
      this.action = action;
      this.due = due;
    }

    /** Stops the action if it has not started; true when it had (it then runs to its end). */
    boolean cancel() {
      return WATCHDOG.cancel(this);
    }
  }

  private record Closer(TransportResponse response) implements Runnable {
    @Override
    public void run() {
      try {
        response.close();
      } catch (IOException | RuntimeException ignored) {
        // the reader sees the body end or fail either way
      }
    }
  }

  /** The deadlines, a binary heap by due time, and the thread that fires them. */
  static final class Watchdog {
    /** Longest wait scheduled: about 146 years, far from where {@code nanoTime} wraps. */
    private static final long MAX_DELAY = Long.MAX_VALUE / 2;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition earlier = lock.newCondition();
    private Task[] heap = new Task[64];
    private int size;
    private boolean sleeping; // the thread is waiting; armedAt is when it looks next
    private long armedAt;
    private long wakeups; // times the thread woke from a wait, for tests
    private @Nullable Thread thread;

    Task schedule(Runnable action, long delayNanos) {
      long delay = Math.min(Math.max(delayNanos, 0), MAX_DELAY);
      Task task = new Task(action, System.nanoTime() + delay);
      lock.lock();
      try {
        if (size == heap.length) {
          heap = Arrays.copyOf(heap, size * 2);
        }
        task.index = size;
        heap[size++] = task;
        siftUp(task.index);
        if (thread == null || !thread.isAlive()) { // a thread killed by an Error is replaced
          thread = new Thread(this::run, "portal-api-read-deadline");
          thread.setDaemon(true);
          thread.start();
        } else if (sleeping && task.due - armedAt < 0) {
          earlier.signal(); // due before the thread looks next: the only case that wakes it
        }
      } finally {
        lock.unlock();
      }
      return task;
    }

    boolean cancel(Task task) {
      lock.lock();
      try {
        if (task.index >= 0) {
          removeAt(task.index);
        }
      } finally {
        lock.unlock();
      }
      return task.fired;
    }

    private void run() {
      lock.lock();
      try {
        while (true) {
          Task head = size == 0 ? null : heap[0];
          long now = System.nanoTime();
          if (head != null && head.due - now <= 0) {
            removeAt(0);
            head.fired = true;
            lock.unlock();
            try {
              head.action.run();
            } catch (RuntimeException | Error e) {
              // an action that fails must not stop the deadlines of every other call
            } finally {
              lock.lock();
            }
            continue;
          }
          sleeping = true;
          try {
            if (head == null) {
              armedAt = now + MAX_DELAY;
              earlier.await();
            } else {
              armedAt = head.due;
              earlier.awaitNanos(head.due - now);
            }
          } catch (InterruptedException e) {
            // nothing interrupts this thread on purpose; keep watching
          } finally {
            sleeping = false;
            wakeups++;
          }
        }
      } finally {
        lock.unlock();
      }
    }

    private void removeAt(int i) {
      Task removed = heap[i];
      removed.index = -1;
      int last = --size;
      if (i != last) {
        Task moved = heap[last];
        heap[i] = moved;
        moved.index = i;
        siftDown(i);
        if (heap[i] == moved) {
          siftUp(i);
        }
      }
      heap[last] = null;
      if (heap.length > 64 && size < heap.length / 4) {
        heap = Arrays.copyOf(heap, heap.length / 2); // a burst's slots are given back
      }
    }

    private void siftUp(int i) {
      Task task = heap[i];
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        Task above = heap[parent];
        if (task.due - above.due >= 0) {
          break;
        }
        heap[i] = above;
        above.index = i;
        i = parent;
      }
      heap[i] = task;
      task.index = i;
    }

    private void siftDown(int i) {
      Task task = heap[i];
      int half = size >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        int right = child + 1;
        if (right < size && heap[right].due - heap[child].due < 0) {
          child = right;
        }
        if (task.due - heap[child].due <= 0) {
          break;
        }
        heap[i] = heap[child];
        heap[i].index = i;
        i = child;
      }
      heap[i] = task;
      task.index = i;
    }
  }

  /** For tests: how many deadlines are waiting. */
  static int pending() {
    WATCHDOG.lock.lock();
    try {
      return WATCHDOG.size;
    } finally {
      WATCHDOG.lock.unlock();
    }
  }

  /** For tests: how many times the deadline thread has woken from a wait. */
  static long wakeups() {
    WATCHDOG.lock.lock();
    try {
      return WATCHDOG.wakeups;
    } finally {
      WATCHDOG.lock.unlock();
    }
  }

  /** For tests: waits up to {@code millis} for the deadline thread to be asleep. */
  static boolean awaitIdle(long millis) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() - end < 0) {
      WATCHDOG.lock.lock();
      try {
        if (WATCHDOG.sleeping) {
          return true;
        }
      } finally {
        WATCHDOG.lock.unlock();
      }
      Thread.sleep(1);
    }
    return false;
  }
}
