package com.winwinmbs.portal.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Realistic portal responses kept under {@code src/test/resources/fixtures/}. */
public final class Fixtures {

  private Fixtures() {}

  /** The fixture at {@code fixtures/<path>}, for example {@code user/user.json}. */
  public static String read(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture at src/test/resources/fixtures/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
