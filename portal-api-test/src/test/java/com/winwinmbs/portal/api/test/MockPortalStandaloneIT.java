package com.winwinmbs.portal.api.test;

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
 * The standalone jar as a user runs it: {@code java -jar portal-api-test-<version>-standalone.jar}
 * in a JVM of its own, called over HTTP, stopped with SIGTERM as Ctrl+C stops it. Runs after {@code
 * package} (failsafe), on the jar the build just made.
 */
class MockPortalStandaloneIT {

  private static final Path JAR = Path.of(System.getProperty("standalone.jar", "missing"));

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path temp;

  @Test
  void manifestNamesTheMainClass() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();

      assertThat(manifest.getValue("Main-Class"))
          .isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
      assertThat(manifest.getValue("Start-Class")).isEqualTo(MockPortalMain.class.getName());
    }
  }

  @Test
  void javaDashJarServesTokensAndRoutesAndStopsCleanlyOnSigterm() throws Exception {
    Path out = temp.resolve("out.txt");
    Path err = temp.resolve("err.txt");
    Process process = launch(out, err, "--port=0");
    try {
      String text = awaitLine(process, out, "Ctrl+C stops it.");
      String baseUrl = MockPortalMainTests.printedValue(text, "base URL");
      String clientId = MockPortalMainTests.printedValue(text, "client id");
      String clientSecret = MockPortalMainTests.printedValue(text, "client secret");

      HttpResponse<String> token =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(MockPortalMainTests.printedValue(text, "token endpoint")))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "grant_type=client_credentials&client_id="
                              + clientId
                              + "&client_secret="
                              + clientSecret))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(token.statusCode()).isEqualTo(200);
      Matcher accessToken = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
      assertThat(accessToken.find()).isTrue();
      HttpResponse<String> tree =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/organizations/tree"))
                  .header("Authorization", "Bearer " + accessToken.group(1))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(tree.statusCode()).isEqualTo(200);
      assertThat(tree.body()).contains("WINWIN Group");

      process.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl+C (SIGINT)
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
      assertThat(Files.readString(out)).endsWith("Mock portal stopped.\n");
      // No SLF4J complaint about the missing provider, no stack trace; the JDK may warn of its own.
      assertThat(Files.readString(err)).doesNotContain("SLF4J").doesNotContain("\tat ");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void aTakenPortEndsItWithOneLineAndStatusOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Path out = temp.resolve("out.txt");
      Path err = temp.resolve("err.txt");
      Process process = launch(out, err, "--port=" + taken.getLocalPort());
      try {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ended within 120 s").isTrue();

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(err))
            .contains(
                "Port "
                    + taken.getLocalPort()
                    + " is already in use (a mock portal may be running there already):"
                    + " pass --port=<another port>, or --port=0 for a free one.\n")
            .doesNotContain("\tat ");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static Process launch(Path out, Path err, String... args) throws IOException {
    assertThat(JAR).as("the standalone jar (run after package)").isRegularFile();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
  }

  /** What the process printed once {@code line} appears; fails if it ends or takes too long. */
  private static String awaitLine(Process process, Path out, String line) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      String text = Files.readString(out, StandardCharsets.UTF_8);
      if (text.contains(line + "\n")) {
        return text;
      }
      assertThat(process.isAlive()).as("still running; printed so far:%n%s", text).isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("'" + line + "' not printed within 120 s");
  }
}
