package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;

/**
 * Turns the I/O failure a call ends with into a {@link TransportException}: its kind, a message
 * that says what happened and, when a retry was possible but not made, why; the JDK's message and
 * cause chain with the request's credentials cut out (the JDK quotes what it could not parse, and a
 * server echoing the request would show them).
 */
final class TransportFailures {

  private TransportFailures() {}

  /** The kind of failure an exception stands for. */
  static TransportException.Kind kind(IOException e) {
    if (e instanceof HttpConnectTimeoutException
        || e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException) {
      return TransportException.Kind.CONNECT;
    }
    if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
      return TransportException.Kind.TIMEOUT;
    }
    if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
      return TransportException.Kind.INTERRUPTED;
    }
    return TransportException.Kind.IO;
  }

  static TransportException toException(IOException e, Exchange exchange) {
    TransportException.Kind kind = kind(e);
    List<String> secrets = ErrorMapper.secrets(exchange);
    String what;
    if (kind == TransportException.Kind.TIMEOUT
        && exchange.hasDeadline()
        && exchange.remainingNanos() <= 0) {
      what = "the call did not complete within its call timeout (" + detail(e, secrets) + ")";
    } else if (e instanceof BodyTimeoutException) {
      what = e.getMessage();
    } else {
      String summary =
          switch (kind) {
            case CONNECT -> "could not connect";
            case TIMEOUT -> "no response within " + exchange.timeout.toMillis() + " ms";
            case INTERRUPTED -> "interrupted";
            case IO -> "I/O failure";
          };
      what = summary + " (" + detail(e, secrets) + ")";
    }
    String note = exchange.note();
    int attempts = exchange.attempts();
    String method = exchange.method();
    return new TransportException(
        what
            + (note == null ? "" : " (" + note + ")")
            + " ["
            + method
            + " "
            + exchange.path
            + (attempts > 1 ? ", attempts=" + attempts : "")
            + "]",
        kind,
        PortalError.noResponse(method, exchange.path),
        attempts,
        secrets.isEmpty() ? e : Redaction.causeWithout(e, text -> Redaction.scrub(text, secrets)));
  }

  private static String detail(IOException e, List<String> secrets) {
    return e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + Redaction.scrub(e.getMessage(), secrets));
  }
}
