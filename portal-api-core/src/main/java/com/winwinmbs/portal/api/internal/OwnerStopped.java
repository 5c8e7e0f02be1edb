package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.TransportException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CancellationException;

/**
 * Tells a token fetch that failed because its owner stopped (interrupted, cancelled, or out of its
 * own call's time) from one that failed at the token endpoint: in the first case the callers
 * waiting for it take the fetch over instead of sharing the failure.
 */
final class OwnerStopped {

  private OwnerStopped() {}

  /**
   * Whether a fetch failed because its owner was interrupted or cancelled rather than because of
   * the token endpoint (whose timeouts every waiter shares). An interruption found in the chain
   * while the flag is clear (a library swallowed it) sets the flag again.
   */
  static boolean test(Throwable failure) {
    if (Thread.currentThread().isInterrupted() || Exchange.tokenNanosLeft() <= 0) {
      return true; // interrupted, or out of its own call's time: others may have more
    }
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
      if (t instanceof CancellationException) {
        return true;
      }
      boolean interrupted =
          t instanceof InterruptedException
              || t instanceof ClosedByInterruptException
              || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException))
              || (t instanceof TransportException transport
                  && transport.kind() == TransportException.Kind.INTERRUPTED);
      if (interrupted) {
        Thread.currentThread().interrupt();
        return true;
      }
    }
    return false;
  }
}
