package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class of the request path stays small enough to read in one sitting: at most 300 lines. The
 * request path is the package of the links, the entrance and the decoding ({@code internal},
 * without the namespaces below it), and the JDK transport with its body. Value types the path
 * passes along ({@code Headers}, {@code RequestOptions}) are not links and are not counted.
 */
class RequestPathSizeTests {

  private static final int MAX_LINES = 300;
  private static final Path SOURCES = Path.of("src/main/java/com/winwinmbs/portal/api");

  @Test
  void noClassOfTheRequestPathIsOver300Lines() throws IOException {
    List<Path> files;
    try (Stream<Path> internal = Files.list(SOURCES.resolve("internal"))) {
      files =
          Stream.concat(
                  internal.filter(path -> path.toString().endsWith(".java")),
                  Stream.of(
                      SOURCES.resolve("http/JdkHttpTransport.java"),
                      SOURCES.resolve("http/InterruptibleBody.java")))
              .toList();
    }
    assertThat(files).hasSizeGreaterThan(20); // the sources were found, not an empty directory

    Map<String, Long> tooLong =
        files.stream()
            .collect(Collectors.toMap(path -> path.getFileName().toString(), this::lines))
            .entrySet()
            .stream()
            .filter(entry -> entry.getValue() > MAX_LINES)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    assertThat(tooLong).as("classes of the request path over %d lines", MAX_LINES).isEmpty();
  }

  private long lines(Path path) {
    try (Stream<String> lines = Files.lines(path)) {
      return lines.count();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
