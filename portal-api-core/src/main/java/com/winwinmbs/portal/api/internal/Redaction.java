package com.winwinmbs.portal.api.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Keeps secrets out of messages and of the causes attached to exceptions. */
public final class Redaction {

  /** What replaces a secret in a message. */
  public static final String REDACTED = "[REDACTED]";

  private Redaction() {}

  /**
   * The text with each secret replaced by {@value #REDACTED}, as sent or with its control
   * characters escaped (as an error's fields hold what the server wrote, {@link Printable}); the
   * secrets should come longest first, so no part of a longer one is left over.
   */
  public static @Nullable String scrub(@Nullable String text, List<String> secrets) {
    if (text == null) {
      return null;
    }
    for (String secret : secrets) {
      text = text.replace(secret, REDACTED);
      String escaped = Printable.escape(secret);
      if (!escaped.equals(secret)) {
        text = text.replace(escaped, REDACTED);
      }
    }
    return text;
  }

  /**
   * The failure to attach as a cause: itself, or, when a message in its chain quotes a secret (a
   * parser quoting the bytes a broken server sent back), a copy of the chain with the messages
   * scrubbed and the stack traces kept.
   */
  public static Throwable causeWithout(Throwable failure, UnaryOperator<String> scrub) {
    boolean quoted = false;
    int depth = 0;
    for (Throwable t = failure; t != null && !quoted && depth < 8; t = t.getCause(), depth++) {
      quoted = t.getMessage() != null && !scrub.apply(t.getMessage()).equals(t.getMessage());
    }
    return quoted ? scrubbedCopy(failure, scrub, 0) : failure;
  }

  private static IOException scrubbedCopy(
      Throwable failure, UnaryOperator<String> scrub, int depth) {
    IOException copy =
        new IOException(
            failure.getClass().getName()
                + (failure.getMessage() == null ? "" : ": " + scrub.apply(failure.getMessage())));
    copy.setStackTrace(failure.getStackTrace());
    Throwable cause = failure.getCause();
    if (cause != null && cause != failure && depth < 8) {
      copy.initCause(scrubbedCopy(cause, scrub, depth + 1));
    }
    return copy;
  }
}
