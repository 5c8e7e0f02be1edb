package com.winwinmbs.portal.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.winwinmbs.portal.api.testing.archfixture.http.SharedType;
import com.winwinmbs.portal.api.testing.archfixture.todo.TodoType;
import com.winwinmbs.portal.api.testing.archfixture.user.UserType;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules of portal-api-core, checked on its production classes.
 *
 * <p>Namespaces that do not exist yet have no classes to check, so the rules hold while the
 * namespaces are being written and bite as soon as one breaks them. Plain ArchUnit with JUnit
 * Jupiter tests: the ArchUnit JUnit 5 engine finds no tests on the JUnit 6 platform.
 */
class ArchitectureTests {

  static final String ROOT = "com.winwinmbs.portal.api";

  /**
   * Packages below the root that every namespace may use; the root package itself is shared too.
   */
  static final List<String> CORE_PACKAGES = List.of("http", "internal", "observation", "oauth");

  /** One package per namespace of the Portal API. */
  static final List<String> NAMESPACES =
      List.of(
          "user",
          "organization",
          "role",
          "permission",
          "permissioncategory",
          "workflow",
          "todo",
          "files",
          "email",
          "otp",
          "line",
          "webhook",
          "systemconfig",
          "eventlog",
          "health",
          "auth",
          "tenant",
          "mcptoken");

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void coreDoesNotDependOnSpring() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .because("plain-Java users get the core without Spring; Spring code is auto-configuration")
        .check(CORE);
  }

  @Test
  void topLevelPackagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void internalPackagesAreUsedOnlyByTheCore() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".internal..")
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAPackage(ROOT + "..")
        .because("internal types may change in any release")
        .check(CORE);
  }

  @Test
  void everyPackageIsTheRootACorePackageOrAKnownNamespace() {
    classes()
        .should()
        .resideInAnyPackage(
            Stream.concat(
                    Stream.of(ROOT),
                    Stream.concat(CORE_PACKAGES.stream(), NAMESPACES.stream())
                        .map(name -> ROOT + "." + name + ".."))
                .toArray(String[]::new))
        .as("classes should reside in the root package, " + CORE_PACKAGES + " or a namespace")
        .because("the namespace rule only knows the namespaces listed in NAMESPACES")
        .check(CORE);
  }

  @Test
  void namespacesShareOnlyTheCoreTypes() {
    namespacesShareOnlyTheCoreTypes(ROOT).check(CORE);
  }

  @Test
  void namespaceRuleReportsANamespaceThatUsesAnotherOne() {
    String fixtureRoot = "com.winwinmbs.portal.api.testing.archfixture";
    JavaClasses fixture =
        new ClassFileImporter().importClasses(UserType.class, TodoType.class, SharedType.class);

    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> namespacesShareOnlyTheCoreTypes(fixtureRoot).check(fixture))
        .withMessageContaining(TodoType.class.getName())
        .withMessageContaining(UserType.class.getName())
        .withMessageNotContaining(SharedType.class.getName());
  }

  /** Classes of a namespace below {@code root} depend on no other namespace. */
  static ArchRule namespacesShareOnlyTheCoreTypes(String root) {
    return classes()
        .that()
        .resideInAnyPackage(
            NAMESPACES.stream().map(name -> root + "." + name + "..").toArray(String[]::new))
        .should(dependOnNoOtherNamespace(root))
        .as("namespace classes should depend on no other namespace")
        .allowEmptyShould(true)
        .because("a namespace can then change without touching another one");
  }

  private static ArchCondition<JavaClass> dependOnNoOtherNamespace(String root) {
    return new ArchCondition<>(
        "depend only on the root package, " + CORE_PACKAGES + " and their own namespace") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String own = topLevelPackage(root, origin);
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = topLevelPackage(root, dependency.getTargetClass());
          if (target != null && !target.equals(own) && !CORE_PACKAGES.contains(target)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** The first package below {@code root}, or null for the root itself and for other classes. */
  private static @Nullable String topLevelPackage(String root, JavaClass javaClass) {
    String packageName = javaClass.getBaseComponentType().getPackageName();
    if (!packageName.startsWith(root + ".")) {
      return null;
    }
    String rest = packageName.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
