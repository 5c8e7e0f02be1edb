package com.winwinmbs.portal.api.testing;

import static org.quicktheories.QuickTheory.qt;

import org.quicktheories.QuickTheory;

/**
 * Property runs with a fixed seed, so a failure found once is found again on every machine. A
 * failure report ends with "Seed was …"; {@code -Dfuzz.seed=<n>} explores other examples, and the
 * same value replays them.
 */
public final class Fuzz {

  /** The seed of every property run; {@code -Dfuzz.seed} overrides it. */
  public static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);

  private Fuzz() {}

  /** A theory of {@code examples} examples, seeded with {@link #SEED}, with a bounded shrink. */
  public static QuickTheory theory(int examples) {
    return qt().withExamples(examples).withFixedSeed(SEED).withShrinkCycles(40);
  }
}
