package com.winwinmbs.portal.api.test;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link MockPortal} on its own, to try an application against it without a portal:
 *
 * <pre>{@code
 * java -jar portal-api-test-<version>-standalone.jar              # port 8089
 * java -jar portal-api-test-<version>-standalone.jar --port=0     # a free port
 * }</pre>
 *
 * <p>It prints the base URL, the token endpoint, the client id and secret it accepts and the {@code
 * application.yml} that points the starter at it, then runs until Ctrl+C (or SIGTERM), which stops
 * the server. It listens on 127.0.0.1 only. Its libraries log nothing: the jar has no SLF4J
 * provider.
 */
public final class MockPortalMain {

  /** The port it listens on unless {@code --port} says otherwise. */
  public static final int DEFAULT_PORT = 8089;

  private static final String USAGE =
      "Usage: java -jar portal-api-test-<version>-standalone.jar [--port=<port>]\n"
          + "  --port=<port>  the port to listen on, "
          + DEFAULT_PORT
          + " by default; 0 picks a free one\n"
          + "  --help         shows this text";

  private MockPortalMain() {}

  /**
   * Starts the mock portal, prints how to reach it and runs until the JVM is stopped.
   *
   * @param args {@code --port=<port>} (default {@value #DEFAULT_PORT}, 0 for a free port), or
   *     {@code --help}
   * @throws InterruptedException when the main thread is interrupted while the portal runs
   */
  public static void main(String[] args) throws InterruptedException {
    quietLogging();
    CountDownLatch stopped = new CountDownLatch(1);
    MockPortal portal;
    try {
      // The hook is in place before the banner says where the portal is, so whoever reads it and
      // presses Ctrl+C stops it cleanly.
      portal = start(List.of(args), System.out, started -> stopOnShutdown(started, stopped));
    } catch (ExitException e) {
      System.err.println(e.getMessage());
      System.exit(e.status());
      return;
    }
    if (portal != null) {
      stopped.await();
    }
  }

  private static void stopOnShutdown(MockPortal portal, CountDownLatch stopped) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    portal.stop();
                    System.out.println("Mock portal stopped.");
                  } catch (Exception | LinkageError e) { // Jetty may rethrow checked exceptions
                    System.err.println("Mock portal did not stop cleanly: " + e);
                  } finally {
                    stopped.countDown();
                  }
                },
                "mock-portal-shutdown"));
  }

  /**
   * Parses the arguments, starts the portal, hands it to {@code onStarted} and prints how to reach
   * it; returns {@code null} after printing the usage for {@code --help}.
   *
   * @throws ExitException when the arguments are wrong or the port is taken, with the one line to
   *     print and the exit status
   */
  static @Nullable MockPortal start(
      List<String> args, PrintStream out, Consumer<MockPortal> onStarted) {
    Options options = Options.parse(args);
    if (options.help()) {
      out.println(USAGE);
      return null;
    }
    out.println("Starting the mock portal on 127.0.0.1:" + options.port() + " ...");
    MockPortal portal;
    try {
      portal = MockPortal.builder().port(options.port()).start();
    } catch (PortInUseException e) {
      throw new ExitException(
          "Port "
              + options.port()
              + " is already in use (a mock portal may be running there already):"
              + " pass --port=<another port>, or --port=0 for a free one.",
          1);
    }
    onStarted.accept(portal);
    printBanner(portal, out);
    return portal;
  }

  /** The command line: a port, or a request for help. */
  record Options(int port, boolean help) {

    static Options parse(List<String> args) {
      int port = DEFAULT_PORT;
      for (String arg : args) {
        if (arg.equals("--help") || arg.equals("-h")) {
          return new Options(port, true);
        } else if (arg.startsWith("--port=")) {
          port = parsePort(arg.substring("--port=".length()));
        } else {
          throw new ExitException("Unknown argument '" + arg + "'.\n" + USAGE, 2);
        }
      }
      return new Options(port, false);
    }

    private static int parsePort(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // answered below, as an out-of-range number is
      }
      throw new ExitException(
          "--port must be a number from 0 to 65535 (0 picks a free port), not '" + value + "'.", 2);
    }
  }

  private static void printBanner(MockPortal portal, PrintStream out) {
    String base = portal.baseUrl();
    out.println("Mock WINWIN Portal running at " + base);
    out.println();
    out.println("  base URL        " + base);
    out.println("  token endpoint  " + portal.tokenEndpoint() + "  (client credentials)");
    out.println("  client id       " + MockPortal.CLIENT_ID);
    out.println("  client secret   " + MockPortal.CLIENT_SECRET);
    out.println("  static token    " + MockPortal.ACCESS_TOKEN);
    out.println("  API key         " + MockPortal.API_KEY);
    out.println("  sign-in         " + MockPortal.USER_EMAIL + " / " + MockPortal.USER_PASSWORD);
    out.println();
    out.println(
        "application.yml of a Spring Boot application with portal-api-spring-boot-starter:");
    out.println();
    out.println("  portal:");
    out.println("    api:");
    out.println("      base-url: " + base);
    out.println("      auth:");
    out.println("        client-id: " + MockPortal.CLIENT_ID);
    out.println("        client-secret: " + MockPortal.CLIENT_SECRET);
    out.println();
    out.println("Ctrl+C stops it.");
    out.flush();
  }

  /**
   * Keeps SLF4J from warning on every start that the jar has no provider (it then logs nothing, as
   * intended) unless the command line sets its verbosity.
   */
  private static void quietLogging() {
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
  }

  /** Ends the program with a line for the user and an exit status. */
  static final class ExitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ExitException(String message, int status) {
      super(message, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
