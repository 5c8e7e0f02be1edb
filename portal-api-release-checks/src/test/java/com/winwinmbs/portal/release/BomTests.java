package com.winwinmbs.portal.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** portal-api-bom manages every published module, and only those. */
class BomTests {

  static final Path ROOT = Path.of(System.getProperty("reactor.root", "..")).toAbsolutePath();

  @TempDir Path temp;

  @Test
  void bomManagesExactlyTheModulesThisBuildPublishes() {
    assertThat(ReleaseChecks.bomProblems(ROOT)).isEmpty();
    assertThat(ReleaseChecks.publishedModules(ROOT))
        .containsExactlyInAnyOrder(
            "portal-api-core",
            "portal-api-spring-boot-autoconfigure",
            "portal-api-spring-boot-starter",
            "portal-api-test");
  }

  @Test
  void theSampleTheBenchmarksAndTheseChecksAreNotPublished() {
    var modules = ReleaseChecks.modules(ROOT);

    assertThat(modules)
        .containsKeys(
            "portal-api-sample-app", "portal-api-benchmarks", "portal-api-release-checks");
    assertThat(modules.get("portal-api-sample-app").published()).isFalse();
    assertThat(modules.get("portal-api-benchmarks").published()).isFalse();
    assertThat(modules.get("portal-api-release-checks").published()).isFalse();
    assertThat(modules.get(ReleaseChecks.BOM).published()).isTrue();
  }

  @Test
  void aPublishedModuleMissingFromTheBomIsReportedWithWhatToDo() {
    TestReactor reactor =
        TestReactor.create(temp, List.of("a", "b", ReleaseChecks.BOM))
            .module("a", "")
            .module("b", "")
            .bom("com.example:a");

    assertThat(ReleaseChecks.bomProblems(reactor.root()))
        .containsExactly(
            "b is published (its pom does not set maven.deploy.skip) but portal-api-bom does not"
                + " manage it: add it to portal-api-bom/pom.xml, or set maven.deploy.skip to true"
                + " in its pom if it is not published");
  }

  @Test
  void aModuleThatIsNotPublishedNeedsNoBomEntry() {
    TestReactor reactor =
        TestReactor.create(temp, List.of("a", "app", ReleaseChecks.BOM))
            .module("a", "")
            .unpublished("app")
            .bom("com.example:a");

    assertThat(ReleaseChecks.bomProblems(reactor.root())).isEmpty();
  }

  @Test
  void anEntryForAModuleThatIsNotPublishedOrOfAnotherGroupIsReported() {
    TestReactor reactor =
        TestReactor.create(temp, List.of("a", "app", ReleaseChecks.BOM))
            .module("a", "")
            .unpublished("app")
            .bom("com.example:a", "com.example:app", "org.other:lib");

    assertThat(ReleaseChecks.bomProblems(reactor.root()))
        .containsExactly(
            "portal-api-bom manages app, which is not a published module of this build: remove it"
                + " from portal-api-bom/pom.xml",
            "portal-api-bom manages org.other:lib: a BOM that users import must manage only this"
                + " project's modules");
  }

  @Test
  void modulesOfAProfileCountToo() {
    TestReactor reactor =
        TestReactor.create(temp, List.of("a", ReleaseChecks.BOM))
            .module("a", "")
            .module("extra", "")
            .bom("com.example:a")
            .editRoot(
                "</modules>",
                "</modules><profiles><profile><id>x</id><modules><module>extra</module>"
                    + "</modules></profile></profiles>");

    assertThat(ReleaseChecks.bomProblems(reactor.root()))
        .singleElement()
        .asString()
        .startsWith("extra is published");
  }
}
