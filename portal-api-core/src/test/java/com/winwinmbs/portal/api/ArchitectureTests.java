package com.winwinmbs.portal.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.winwinmbs.portal.api.testing.archfixture.auth.SessionType;
import com.winwinmbs.portal.api.testing.archfixture.cycle.one.One;
import com.winwinmbs.portal.api.testing.archfixture.cycle.two.Two;
import com.winwinmbs.portal.api.testing.archfixture.http.SharedType;
import com.winwinmbs.portal.api.testing.archfixture.internal.InternalType;
import com.winwinmbs.portal.api.testing.archfixture.internal.namespaces.DefaultFixtureUserApi;
import com.winwinmbs.portal.api.testing.archfixture.tenant.TenantToAuthType;
import com.winwinmbs.portal.api.testing.archfixture.tenant.TenantType;
import com.winwinmbs.portal.api.testing.archfixture.todo.TodoType;
import com.winwinmbs.portal.api.testing.archfixture.user.FixtureUserApi;
import com.winwinmbs.portal.api.testing.archfixture.user.HandMadeUserApi;
import com.winwinmbs.portal.api.testing.archfixture.user.UserType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

  /**
   * The edges between namespaces that model a real relation, as {@code "from -> to"}: {@code auth}
   * reports the signed-in user's tenant, its plan, status and the user's role in it, which are
   * {@code tenant}'s types. The reverse of an edge stays forbidden, so no two namespaces need each
   * other.
   */
  static final List<String> ALLOWED_NAMESPACE_EDGES = List.of("auth -> tenant");

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
  void packagesAreFreeOfCycles() {
    packagesAreFreeOfCycles(ROOT).check(CORE);
  }

  @Test
  void cycleRuleReportsACycleBetweenPackagesBelowOneTopLevelPackage() {
    String fixtureRoot = ROOT + ".testing.archfixture";
    JavaClasses fixture = new ClassFileImporter().importClasses(One.class, Two.class);

    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> packagesAreFreeOfCycles(fixtureRoot).check(fixture))
        .withMessageContaining(One.class.getName())
        .withMessageContaining(Two.class.getName());
    // slices per top-level package, as the rule once had, see one slice and no cycle
    slices().matching(fixtureRoot + ".(*)..").should().beFreeOfCycles().check(fixture);
  }

  /**
   * Every package below {@code root} is a slice of its own, so a cycle between {@code internal} and
   * {@code internal.namespaces} (or any two sub-packages) shows; the root package is the shared
   * vocabulary every package uses and is not a slice.
   */
  static ArchRule packagesAreFreeOfCycles(String root) {
    return slices().matching(root + ".(**)").should().beFreeOfCycles();
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
  void noPublicSignatureOutsideInternalNamesAnInternalType() {
    publicSignaturesNameNoInternalType(ROOT, KNOWN_INTERNAL_SIGNATURES).check(CORE);
  }

  @Test
  void signatureRuleReportsEveryPublicOrProtectedMemberAndSupertypeNamingAnInternalType() {
    String fixtureRoot = ROOT + ".testing.archfixture";
    JavaClasses fixture = new ClassFileImporter().importPackages(fixtureRoot + ".leak");

    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> publicSignaturesNameNoInternalType(fixtureRoot, Set.of()).check(fixture))
        .withMessageContaining("leakedField")
        .withMessageContaining("LeakyType.<init>")
        .withMessageContaining("leakedReturnType")
        .withMessageContaining("leakedParameter")
        .withMessageContaining(
            "LeakySupertype (its supertypes) names " + InternalType.class.getName())
        .withMessageNotContaining("hiddenField")
        .withMessageNotContaining("packagePrivateParameter")
        .withMessageNotContaining("privateReturnType")
        .withMessageNotContaining("notApi");
  }

  @Test
  void namespaceInterfacesAreImplementedAndBuiltOnlyInTheirPlaces() {
    namespaceInterfacesAreImplementedOnlyInInternalNamespaces(ROOT).check(CORE);
    namespaceImplementationsAreBuiltOnlyByTheClient(ROOT).check(CORE);
  }

  @Test
  void implementationRulesReportAnImplementationOutsideInternalNamespacesAndWhatBuildsOne() {
    String fixtureRoot = ROOT + ".testing.archfixture";
    JavaClasses fixture =
        new ClassFileImporter()
            .importClasses(
                FixtureUserApi.class,
                HandMadeUserApi.class,
                DefaultFixtureUserApi.class,
                com.winwinmbs.portal.api.testing.archfixture.PortalApiClient.class);

    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(
            () ->
                namespaceInterfacesAreImplementedOnlyInInternalNamespaces(fixtureRoot)
                    .check(fixture))
        .withMessageContaining(HandMadeUserApi.class.getName())
        .withMessageNotContaining(DefaultFixtureUserApi.class.getName() + " ");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(
            () -> namespaceImplementationsAreBuiltOnlyByTheClient(fixtureRoot).check(fixture))
        .withMessageContaining("1 times")
        .withMessageContaining(HandMadeUserApi.class.getName());
  }

  /**
   * Public signatures that name an internal type today, each listed by its full name so any other
   * fails the rule. None: every namespace, {@code auth} included, is an interface whose
   * implementation lives in {@code internal.namespaces}.
   */
  static final Set<String> KNOWN_INTERNAL_SIGNATURES = Set.of();

  /**
   * No public or protected signature of a class outside {@code ..internal..} that is visible
   * outside its package (the class and its enclosing classes public or protected) names a type in
   * {@code ..internal..}: fields, constructors, methods (return, parameters, throws, type
   * parameters), supertypes and type parameters of the class. A record's components are its public
   * accessors and canonical constructor, so they are checked too.
   */
  static ArchRule publicSignaturesNameNoInternalType(String root, Set<String> known) {
    return classes()
        .that()
        .resideOutsideOfPackage(root + ".internal..")
        .and(VISIBLE_OUTSIDE_THEIR_PACKAGE)
        .should(nameNoInternalTypeInAPublicSignature(root + ".internal", known))
        .allowEmptyShould(true)
        .because(
            "internal types may change in any release; a user who can reach one through the API"
                + " would break with it");
  }

  private static final DescribedPredicate<JavaClass> VISIBLE_OUTSIDE_THEIR_PACKAGE =
      new DescribedPredicate<>("are visible outside their package") {
        @Override
        public boolean test(JavaClass javaClass) {
          for (JavaClass c = javaClass; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (!isApi(c.getModifiers())) {
              return false;
            }
          }
          return true;
        }
      };

  private static boolean isApi(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static ArchCondition<JavaClass> nameNoInternalTypeInAPublicSignature(
      String internal, Set<String> known) {
    return new ArchCondition<>("name no internal type in a public or protected signature") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        List<JavaType> supertypes = new ArrayList<>(origin.getInterfaces());
        origin.getSuperclass().ifPresent(supertypes::add);
        origin.getTypeParameters().forEach(p -> supertypes.addAll(p.getUpperBounds()));
        report(origin, origin.getName() + " (its supertypes)", supertypes, events);
        for (JavaField field : origin.getFields()) {
          if (isApi(field.getModifiers())) {
            report(origin, field.getFullName(), List.of(field.getType()), events);
          }
        }
        for (JavaCodeUnit unit : origin.getCodeUnits()) {
          if (isApi(unit.getModifiers()) && !unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
            List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
            types.add(unit.getReturnType());
            unit.getThrowsClause().forEach(t -> types.add(t.getRawType()));
            unit.getTypeParameters().forEach(p -> types.addAll(p.getUpperBounds()));
            report(origin, unit.getFullName(), types, events);
          }
        }
      }

      private void report(
          JavaClass origin, String member, List<JavaType> types, ConditionEvents events) {
        if (known.contains(member)) {
          return;
        }
        types.stream()
            .flatMap(type -> type.getAllInvolvedRawTypes().stream())
            .map(JavaClass::getBaseComponentType)
            .filter(
                type ->
                    type.getPackageName().equals(internal)
                        || type.getPackageName().startsWith(internal + "."))
            .map(JavaClass::getName)
            .distinct()
            .forEach(
                type ->
                    events.add(SimpleConditionEvent.violated(origin, member + " names " + type)));
      }
    };
  }

  /** Namespace interfaces: the interfaces named {@code *Api} in the namespace packages. */
  private static DescribedPredicate<JavaClass> namespaceInterface(String root) {
    return new DescribedPredicate<>("a namespace interface") {
      @Override
      public boolean test(JavaClass javaClass) {
        return javaClass.isInterface()
            && javaClass.getSimpleName().endsWith("Api")
            && NAMESPACES.stream()
                .anyMatch(name -> javaClass.getPackageName().startsWith(root + "." + name));
      }
    };
  }

  /**
   * Only the classes of {@code internal.namespaces} implement a namespace interface, so the
   * client's namespaces are always the pipeline's; users may implement them in their own code (a
   * fake in a test), which this rule does not see.
   */
  static ArchRule namespaceInterfacesAreImplementedOnlyInInternalNamespaces(String root) {
    return classes()
        .that()
        .implement(namespaceInterface(root))
        .should()
        .resideInAPackage(root + ".internal.namespaces")
        .allowEmptyShould(true)
        .because("the client builds its namespaces from their implementations there");
  }

  /** The implementations are built by the client alone (and by one another: a view). */
  static ArchRule namespaceImplementationsAreBuiltOnlyByTheClient(String root) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(root + ".internal.namespaces")
        .and()
        .doNotHaveFullyQualifiedName(root + ".PortalApiClient")
        .should()
        .callConstructorWhere(
            new DescribedPredicate<>("the target implements a namespace interface") {
              @Override
              public boolean test(JavaConstructorCall call) {
                return call.getTargetOwner().getAllRawInterfaces().stream()
                    .anyMatch(namespaceInterface(root));
              }
            })
        .allowEmptyShould(true)
        .because("namespaces are built only by the client, which hands them out");
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

  @Test
  void namespaceRuleAllowsTheListedEdgesInTheirDirectionOnly() {
    String fixtureRoot = "com.winwinmbs.portal.api.testing.archfixture";
    JavaClasses fixture =
        new ClassFileImporter()
            .importClasses(SessionType.class, TenantType.class, TenantToAuthType.class);

    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> namespacesShareOnlyTheCoreTypes(fixtureRoot).check(fixture))
        .withMessageContaining(TenantToAuthType.class.getName())
        .withMessageNotContaining(SessionType.class.getName() + ".tenant");
    namespacesShareOnlyTheCoreTypes(fixtureRoot)
        .check(new ClassFileImporter().importClasses(SessionType.class, TenantType.class));
  }

  /**
   * Classes of a namespace below {@code root} depend on no other namespace, except along the edges
   * of {@link #ALLOWED_NAMESPACE_EDGES}.
   */
  static ArchRule namespacesShareOnlyTheCoreTypes(String root) {
    return classes()
        .that()
        .resideInAnyPackage(
            NAMESPACES.stream().map(name -> root + "." + name + "..").toArray(String[]::new))
        .should(dependOnNoOtherNamespace(root))
        .as("namespace classes should depend on no other namespace but " + ALLOWED_NAMESPACE_EDGES)
        .allowEmptyShould(true)
        .because("a namespace can then change without touching another one");
  }

  private static ArchCondition<JavaClass> dependOnNoOtherNamespace(String root) {
    return new ArchCondition<>(
        "depend only on the root package, "
            + CORE_PACKAGES
            + ", their own namespace and the allowed edges") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String own = topLevelPackage(root, origin);
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = topLevelPackage(root, dependency.getTargetClass());
          if (target != null
              && !target.equals(own)
              && !CORE_PACKAGES.contains(target)
              && !ALLOWED_NAMESPACE_EDGES.contains(own + " -> " + target)) {
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
