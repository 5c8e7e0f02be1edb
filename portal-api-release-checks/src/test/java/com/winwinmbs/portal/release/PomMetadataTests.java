package com.winwinmbs.portal.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every published POM carries what Maven Central requires. */
class PomMetadataTests {

  @TempDir Path temp;

  @Test
  void everyPublishedPomCarriesWhatMavenCentralRequires() {
    assertThat(ReleaseChecks.pomMetadataProblems(BomTests.ROOT)).isEmpty();
  }

  @Test
  void theLicenceIsApache2() {
    Pom root = Pom.read(BomTests.ROOT.resolve("pom.xml"));

    assertThat(root.text("licenses/license/name")).hasValue("Apache-2.0");
    assertThat(root.text("licenses/license/url"))
        .hasValue("https://www.apache.org/licenses/LICENSE-2.0.txt");
  }

  @Test
  void modulesInheritTheProjectUrlAndScmUnchanged() {
    // This module's effective values, as Maven computed them (set in this module's pom).
    Pom root = Pom.read(BomTests.ROOT.resolve("pom.xml"));

    assertThat(System.getProperty("effective.url")).isEqualTo(root.text("url").orElseThrow());
    assertThat(System.getProperty("effective.scm.url"))
        .isEqualTo(root.text("scm/url").orElseThrow());
    assertThat(System.getProperty("effective.scm.connection"))
        .isEqualTo(root.text("scm/connection").orElseThrow());
  }

  @Test
  void aMissingLicenceScmOrDescriptionIsReported() {
    TestReactor reactor =
        TestReactor.createWithRootMetadata(
                temp,
                List.of("a"),
                "<name>n</name><description>d</description><url>https://example.org/p</url>"
                    + "<developers><developer><name>dev</name></developer></developers>",
                true)
            .bareModule("a", "<name>a</name>");

    assertThat(ReleaseChecks.pomMetadataProblems(reactor.root()))
        .contains(
            "p-parent has no <licenses><license><name>: Maven Central requires it",
            "p-parent has no <scm><url>: Maven Central requires it",
            "a has no <description> of its own: Maven Central requires one",
            "a has no <licenses><license><url>: Maven Central requires it");
  }

  @Test
  void aRootPomThatAppendsModulePathsToTheUrlIsReported() {
    TestReactor reactor =
        TestReactor.createWithRootMetadata(temp, List.of("a"), TestReactor.METADATA, false)
            .module("a", "");

    assertThat(ReleaseChecks.pomMetadataProblems(reactor.root()))
        .containsExactly(
            "the root pom's <project> lacks child.project.url.inherit.append.path=\"false\":"
                + " every module's url would get its directory appended");
  }

  @Test
  void anUnpublishedModuleNeedsNoMetadata() {
    TestReactor reactor =
        TestReactor.create(temp, List.of("app"))
            .bareModule(
                "app", "<properties><maven.deploy.skip>true</maven.deploy.skip></properties>");

    assertThat(ReleaseChecks.pomMetadataProblems(reactor.root())).isEmpty();
  }
}
