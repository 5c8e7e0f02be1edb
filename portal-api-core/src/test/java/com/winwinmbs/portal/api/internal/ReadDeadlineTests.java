package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ReadDeadline}: deadlines fire when due, cancelled ones never, and cost no wake-ups. */
class ReadDeadlineTests {

  private static final long HOUR = Duration.ofHours(1).toNanos();

  @Test
  @Timeout(10)
  void aDeadlineThatPassesClosesTheResponse() throws Exception {
    ClosingResponse response = new ClosingResponse();

    ReadDeadline deadline = ReadDeadline.start(response, Duration.ofMillis(50).toNanos());

    assertThat(response.closed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(deadline.cancel()).as("cancel() after it fired says so").isTrue();
  }

  @Test
  @Timeout(10)
  void aCancelledDeadlineNeverClosesTheResponse() throws Exception {
    ClosingResponse response = new ClosingResponse();
    ReadDeadline deadline = ReadDeadline.start(response, Duration.ofMillis(100).toNanos());

    boolean fired = deadline.cancel();
    ClosingResponse witness = new ClosingResponse();
    ReadDeadline.start(witness, Duration.ofMillis(300).toNanos()); // due after the cancelled one

    assertThat(fired).isFalse();
    assertThat(witness.closed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(response.closed.getCount()).as("the cancelled deadline closed it").isEqualTo(1);
  }

  @Test
  @Timeout(20)
  void deadlinesFireWhateverTheOrderTheyAreSetAndCancelledIn() throws Exception {
    Random random = new Random(17);
    int count = 300;
    Set<Integer> fired = ConcurrentHashMap.newKeySet();
    Set<Integer> kept = new HashSet<>();
    List<ReadDeadline.Task> tasks = new ArrayList<>();
    CountDownLatch all = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      int id = i;
      tasks.add(
          ReadDeadline.schedule(
              () -> {
                fired.add(id);
                all.countDown();
              },
              Duration.ofMillis(100 + random.nextInt(400)).toNanos()));
    }
    for (int i = 0; i < count; i++) {
      if (random.nextBoolean() && !tasks.get(i).cancel()) {
        all.countDown(); // cancelled before it fired: it never will
      } else {
        kept.add(i);
      }
    }

    assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(fired).isEqualTo(kept);
  }

  @Test
  @Timeout(20)
  void settingAndCancellingLaterDeadlinesNeverWakesTheDeadlineThread() throws Exception {
    // the thread sleeps until the earliest deadline it knows: an hour from now
    ReadDeadline.Task earliest = ReadDeadline.schedule(() -> {}, HOUR);
    try {
      assertThat(ReadDeadline.awaitIdle(5_000)).isTrue();
      long wakeupsBefore = ReadDeadline.wakeups();

      for (int i = 0; i < 10_000; i++) { // what calls do: a deadline each, cancelled at once
        ReadDeadline.schedule(() -> {}, HOUR + i).cancel();
      }

      // a spurious wake-up, or a deadline of another test falling due, may wake it a few times; a
      // wake-up per deadline set would be ten thousand
      assertThat(ReadDeadline.wakeups() - wakeupsBefore).isLessThan(20);
    } finally {
      earliest.cancel();
    }
  }

  @Test
  @Timeout(10)
  void aDeadlineDueBeforeTheOneTheThreadSleepsForWakesIt() throws Exception {
    ReadDeadline.Task late = ReadDeadline.schedule(() -> {}, HOUR);
    try {
      assertThat(ReadDeadline.awaitIdle(5_000)).isTrue();
      AtomicBoolean ran = new AtomicBoolean();
      CountDownLatch done = new CountDownLatch(1);

      ReadDeadline.schedule(
          () -> {
            ran.set(true);
            done.countDown();
          },
          Duration.ofMillis(20).toNanos());

      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(ran).isTrue();
    } finally {
      late.cancel();
    }
  }

  @Test
  @Timeout(10)
  void anActionThatFailsDoesNotStopTheDeadlinesAfterIt() throws Exception {
    ReadDeadline.schedule(
        () -> {
          throw new IllegalStateException("a failing action");
        },
        Duration.ofMillis(10).toNanos());
    ClosingResponse response = new ClosingResponse();

    ReadDeadline.start(response, Duration.ofMillis(50).toNanos());

    assertThat(response.closed.await(5, TimeUnit.SECONDS)).isTrue();
  }

  /** A response that counts down when closed. */
  private static final class ClosingResponse implements TransportResponse {
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public int status() {
      return 200;
    }

    @Override
    public Headers headers() {
      return Headers.empty();
    }

    @Override
    public InputStream body() {
      return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
