package com.winwinmbs.portal.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar checks fail on each mistake they are there to catch (PublishedJarsIT runs them). */
class JarChecksTests {

  @TempDir Path temp;

  @Test
  void jarsWithValidDistinctModuleNamesAndTheirSourcesAndJavadocPass() {
    TestReactor reactor =
        TestReactor.create(temp, List.of("a", "b", "app"))
            .module("a", "")
            .module("b", "")
            .unpublished("app")
            .jars("a", "com.example.a", true)
            .jars("b", "com.example.b", true);

    assertThat(ReleaseChecks.jarProblems(reactor.root())).isEmpty();
  }

  @Test
  void aJarWithoutAutomaticModuleNameIsReported() {
    TestReactor reactor =
        TestReactor.create(temp, List.of("a")).module("a", "").jars("a", null, true);

    assertThat(ReleaseChecks.jarProblems(reactor.root()))
        .containsExactly(
            "a's jar has no Automatic-Module-Name in its manifest: set one in the"
                + " maven-jar-plugin configuration of its pom");
  }

  @Test
  void anInvalidOrRepeatedModuleNameIsReported() {
    TestReactor reactor =
        TestReactor.create(temp, List.of("a", "b", "c"))
            .module("a", "")
            .module("b", "")
            .module("c", "")
            .jars("a", "com.example-a", true)
            .jars("b", "com.example.shared", true)
            .jars("c", "com.example.shared", true);

    assertThat(ReleaseChecks.jarProblems(reactor.root()))
        .containsExactly(
            "a's Automatic-Module-Name 'com.example-a' is not a module name",
            "c and b both name their automatic module com.example.shared");
  }

  @Test
  void missingSourcesAndJavadocJarsAreReported() {
    TestReactor reactor =
        TestReactor.create(temp, List.of("a")).module("a", "").jars("a", "com.example.a", false);

    assertThat(ReleaseChecks.jarProblems(reactor.root()))
        .hasSize(2)
        .allSatisfy(
            problem ->
                assertThat(problem)
                    .contains("is missing or holds nothing outside META-INF: Maven Central"))
        .anySatisfy(problem -> assertThat(problem).contains("a-1.2.3-sources.jar"))
        .anySatisfy(problem -> assertThat(problem).contains("a-1.2.3-javadoc.jar"));
  }

  @Test
  void aJarNotBuiltYetIsReportedWithWhatToDo() {
    TestReactor reactor = TestReactor.create(temp, List.of("a")).module("a", "");

    assertThat(ReleaseChecks.jarProblems(reactor.root()))
        .singleElement()
        .asString()
        .endsWith(
            "a-1.2.3.jar is missing: run the build through package, with a among the dependencies"
                + " of portal-api-release-checks so it is built first");
  }

  @Test
  void moduleNamesFollowTheRulesOfTheJdk() {
    assertThat(ReleaseChecks.isModuleName("com.winwinmbs.portal.api")).isTrue();
    assertThat(ReleaseChecks.isModuleName("a")).isTrue();
    for (String invalid : List.of("", "com.", ".com", "com..a", "com.example-a", "com.int", "1a")) {
      assertThat(ReleaseChecks.isModuleName(invalid)).as(invalid).isFalse();
    }
  }
}
