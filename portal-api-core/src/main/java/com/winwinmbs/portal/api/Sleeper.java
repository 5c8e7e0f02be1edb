package com.winwinmbs.portal.api;

import java.time.Duration;

/** Waits between attempts. Replaceable so tests of retry timing do not sleep for real. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps with {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /** Waits for the duration; throws when interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
