package com.winwinmbs.portal.api.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final Map<Logger, Level> silencedLevels = new LinkedHashMap<>();
  private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

  private LogCapture(String loggerName) {
    this.logger = (Logger) LoggerFactory.getLogger(loggerName);
    this.previous = logger.getLevel();
    this.previousAdditive = logger.isAdditive();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.TRACE);
    logger.setAdditive(false); // captured, not printed: keeps TRACE noise out of the build output
  }

  private LogCapture() {
    this.logger = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    this.previous = logger.getLevel();
    this.previousAdditive = logger.isAdditive();
    // every logger inherits TRACE from the root while captured, whatever the configuration says
    for (Logger each : logger.getLoggerContext().getLoggerList()) {
      if (each != logger && each.getLevel() != null) {
        silencedLevels.put(each, each.getLevel());
        each.setLevel(null);
      }
    }
    // captured, not printed: the console appender is put back on close
    logger.iteratorForAppenders().forEachRemaining(detached::add);
    detached.forEach(logger::detachAppender);
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.TRACE);
  }

  /** Captures the {@code com.winwinmbs.portal} loggers. */
  public static LogCapture start() {
    return new LogCapture("com.winwinmbs.portal");
  }

  /**
   * Captures every logger of the JVM at TRACE and above, the client's and every library's, the
   * test's own servers included.
   */
  public static LogCapture everything() {
    return new LogCapture();
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
    detached.forEach(logger::addAppender);
    silencedLevels.forEach(Logger::setLevel);
    appender.stop();
  }
}
