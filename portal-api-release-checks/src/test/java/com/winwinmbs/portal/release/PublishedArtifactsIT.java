package com.winwinmbs.portal.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What {@code package} made for each published module: run by failsafe after the published modules
 * were packaged (they are this module's dependencies, so the reactor builds them first).
 */
class PublishedArtifactsIT {

  @Test
  void everyPublishedJarNamesItsAutomaticModuleAndHasSourcesAndJavadocJars() throws IOException {
    assertThat(ReleaseChecks.jarProblems(BomTests.ROOT)).isEmpty();

    String version = Pom.read(BomTests.ROOT.resolve("pom.xml")).text("version").orElseThrow();
    Map<String, String> names = new LinkedHashMap<>();
    for (String module : ReleaseChecks.publishedModules(BomTests.ROOT)) {
      Path jar = BomTests.ROOT.resolve(module).resolve("target/" + module + "-" + version + ".jar");
      try (JarFile file = new JarFile(jar.toFile())) {
        names.put(module, file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
      }
    }
    assertThat(names)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "portal-api-core", "com.winwinmbs.portal.api",
                "portal-api-spring-boot-autoconfigure", "com.winwinmbs.portal.api.autoconfigure",
                "portal-api-spring-boot-starter", "com.winwinmbs.portal.api.starter",
                "portal-api-test", "com.winwinmbs.portal.api.test"));
  }

  @Test
  void thePublishedBomHasNoParentAndManagesExactlyThePublishedModules() {
    assertThat(ReleaseChecks.publishedBomProblems(BomTests.ROOT)).isEmpty();
  }
}
