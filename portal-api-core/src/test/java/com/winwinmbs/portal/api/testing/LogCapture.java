package com.winwinmbs.portal.api.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures everything the client logs (at TRACE and above) while open, to prove what is and is not
 * logged.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *   portal.health().check();
 *   assertThat(logs.text()).doesNotContain(secret);
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final Level previous;
  private final boolean previousAdditive;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String loggerName) {
    this.logger = (Logger) LoggerFactory.getLogger(loggerName);
    this.previous = logger.getLevel();
    this.previousAdditive = logger.isAdditive();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.TRACE);
    logger.setAdditive(false); // captured, not printed: keeps TRACE noise out of the build output
  }

  /** Captures the {@code com.winwinmbs.portal} loggers. */
  public static LogCapture start() {
    return new LogCapture("com.winwinmbs.portal");
  }

  /** The captured events. */
  public List<ILoggingEvent> events() {
    return new ArrayList<>(appender.list);
  }

  /**
   * Every captured line: level, logger, formatted message and any exception's text, one per line.
   */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (ILoggingEvent event : events()) {
      out.append(event.getLevel())
          .append(' ')
          .append(event.getLoggerName())
          .append(' ')
          .append(event.getFormattedMessage())
          .append('\n');
      var thrown = event.getThrowableProxy();
      while (thrown != null) {
        out.append("  ")
            .append(thrown.getClassName())
            .append(": ")
            .append(thrown.getMessage())
            .append('\n');
        thrown = thrown.getCause();
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
    logger.setAdditive(previousAdditive);
    appender.stop();
  }
}
