package com.winwinmbs.portal.release;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small reactor written to a directory, for showing that each check fails on the mistake it is
 * there to catch: a root pom with the project's metadata and modules whose poms a test writes.
 */
final class TestReactor {

  static final String VERSION = "1.2.3";

  static final String METADATA =
      """
        <name>n</name>
        <description>d</description>
        <url>https://example.org/p</url>
        <licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>
        <developers><developer><name>dev</name></developer></developers>
        <scm child.scm.connection.inherit.append.path="false"
             child.scm.developerConnection.inherit.append.path="false"
             child.scm.url.inherit.append.path="false">
          <connection>scm:git:https://example.org/p.git</connection>
          <developerConnection>scm:git:git@example.org:p.git</developerConnection>
          <url>https://example.org/p</url>
        </scm>
      """;

  private final Path root;

  private TestReactor(Path root) {
    this.root = root;
  }

  /** A root pom with {@link #METADATA} that lists {@code modules}. */
  static TestReactor create(Path root, List<String> modules) {
    return createWithRootMetadata(root, modules, METADATA, true);
  }

  static TestReactor createWithRootMetadata(
      Path root, List<String> modules, String metadata, boolean keepsUrlAsIs) {
    StringBuilder list = new StringBuilder();
    modules.forEach(m -> list.append("<module>").append(m).append("</module>"));
    write(
        root.resolve("pom.xml"),
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\""
            + (keepsUrlAsIs ? " child.project.url.inherit.append.path=\"false\"" : "")
            + "><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
            + "<artifactId>p-parent</artifactId><version>"
            + VERSION
            + "</version><packaging>pom</packaging>"
            + metadata
            + "<modules>"
            + list
            + "</modules></project>");
    return new TestReactor(root);
  }

  Path root() {
    return root;
  }

  /** Replaces the first {@code target} in the root pom. */
  TestReactor editRoot(String target, String replacement) {
    Path pom = root.resolve("pom.xml");
    try {
      String content = Files.readString(pom);
      if (!content.contains(target)) {
        throw new IllegalArgumentException("no '" + target + "' in the root pom");
      }
      Files.writeString(
          pom, content.replaceFirst(Pattern.quote(target), Matcher.quoteReplacement(replacement)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A module with the root as parent, its own name and description, and {@code body}. */
  TestReactor module(String artifactId, String body) {
    return bareModule(
        artifactId, "<name>" + artifactId + "</name><description>d</description>" + body);
  }

  /** A module with the root as parent and {@code body}, no name or description. */
  TestReactor bareModule(String artifactId, String body) {
    write(
        root.resolve(artifactId).resolve("pom.xml"),
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
            + "<parent><groupId>com.example</groupId><artifactId>p-parent</artifactId><version>"
            + VERSION
            + "</version></parent><artifactId>"
            + artifactId
            + "</artifactId>"
            + body
            + "</project>");
    return this;
  }

  /** A module that is not published. */
  TestReactor unpublished(String artifactId) {
    return module(
        artifactId, "<properties><maven.deploy.skip>true</maven.deploy.skip></properties>");
  }

  /** The BOM, managing {@code managed} as {@code groupId:artifactId} at the project's version. */
  TestReactor bom(String... managed) {
    StringBuilder dependencies = new StringBuilder();
    for (String coordinates : managed) {
      String[] parts = coordinates.split(":");
      dependencies
          .append("<dependency><groupId>")
          .append(parts[0])
          .append("</groupId><artifactId>")
          .append(parts[1])
          .append("</artifactId><version>${project.version}</version></dependency>");
    }
    return module(
        ReleaseChecks.BOM,
        "<packaging>pom</packaging><dependencyManagement><dependencies>"
            + dependencies
            + "</dependencies></dependencyManagement>");
  }

  /**
   * The jars {@code package} would make for a module: the main jar with this manifest attribute
   * (none when null) and, when asked, sources and Javadoc jars with one file each.
   */
  TestReactor jars(String artifactId, String automaticModuleName, boolean withSourcesAndJavadoc) {
    Path target = root.resolve(artifactId).resolve("target");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (automaticModuleName != null) {
      manifest.getMainAttributes().putValue("Automatic-Module-Name", automaticModuleName);
    }
    jar(target.resolve(artifactId + "-" + VERSION + ".jar"), manifest, "p/A.class");
    if (withSourcesAndJavadoc) {
      jar(target.resolve(artifactId + "-" + VERSION + "-sources.jar"), new Manifest(), "p/A.java");
      jar(
          target.resolve(artifactId + "-" + VERSION + "-javadoc.jar"),
          new Manifest(),
          "index.html");
    }
    return this;
  }

  private static void jar(Path file, Manifest manifest, String entry) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file);
          JarOutputStream jar = new JarOutputStream(out, manifest)) {
        jar.putNextEntry(new JarEntry(entry));
        jar.write(1);
        jar.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
