package com.winwinmbs.portal.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged sample as a user runs it: {@code java -jar
 * portal-api-sample-app/target/portal-api-sample-app-<version>.jar} in a JVM of its own. Runs after
 * {@code package} (failsafe), on the jar the build just made.
 */
class ExecutableJarIT {

  private static final Path JAR = Path.of(System.getProperty("sample.jar", "missing"));

  private static final Duration STARTUP = Duration.ofSeconds(180);

  @TempDir Path temp;

  @Test
  void manifestNamesBootsLauncherAndTheSampleApplication() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();

      assertThat(manifest.getValue("Main-Class"))
          .isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
      assertThat(manifest.getValue("Start-Class")).isEqualTo(SampleApplication.class.getName());
    }
  }

  @Test
  void javaDashJarStartsTheSampleWithItsEmbeddedMockPortal() throws Exception {
    Path out = temp.resolve("out.txt");
    Process process = launch(out, "--server.port=0", "--sample.mock-portal.port=0");
    try {
      // The startup report runs after "Started SampleApplication" is logged.
      String text = awaitLine(process, out, "pending workflow tasks:");
      Matcher port = Pattern.compile("Tomcat started on port (\\d+)").matcher(text);
      assertThat(port.find()).as("the port Tomcat chose, in:%n%s", text).isTrue();
      assertThat(text)
          .contains(
              "Embedded mock portal at http://127.0.0.1:",
              "Started SampleApplication",
              "users found: 4");

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port.group(1) + "/actuator/health"))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"portal\":{").contains("\"status\":\"UP\"");

      process.destroy(); // SIGTERM, as a service manager stops it
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void aTakenMockPortalPortEndsStartupWithOneLineThatSaysWhatToSet() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Path out = temp.resolve("out.txt");
      Process process = launch(out, "--server.port=0", "--sample.mock-portal.port=" + port);
      try {
        assertThat(process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS))
            .as("ended within %s", STARTUP)
            .isTrue();

        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(text)
            .contains(
                "The embedded mock portal could not start: port "
                    + port
                    + " is already in use; set sample.mock-portal.port to another port, or to 0"
                    + " for a free one.")
            .doesNotContain("\tat ");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  /** Standard output and error go to {@code out}, as a terminal shows them. */
  private static Process launch(Path out, String... args) throws IOException {
    assertThat(JAR).as("the sample jar (run after package)").isRegularFile();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .start();
  }

  /** What the process printed once {@code text} appears; fails if it ends or takes too long. */
  private static String awaitLine(Process process, Path out, String text) throws Exception {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      String printed = Files.readString(out, StandardCharsets.UTF_8);
      if (printed.contains(text)) {
        return printed;
      }
      assertThat(process.isAlive()).as("still running; printed so far:%n%s", printed).isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("'" + text + "' not printed within " + STARTUP);
  }
}
