package com.winwinmbs.portal.api.testing;

import com.winwinmbs.portal.api.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that records each wait instead of sleeping. */
public final class RecordingSleeper implements Sleeper {

  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
  }

  /** The waits asked for, in order. */
  public List<Duration> waits() {
    return List.copyOf(waits);
  }
}
