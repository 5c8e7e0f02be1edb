package com.winwinmbs.portal.api.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.winwinmbs.portal.api.internal.Endpoints;
import java.net.URISyntaxException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Architecture rules of the auto-configuration module (Spring Boot's own conventions), checked on
 * this module's production classes only.
 *
 * <p>Every rule allows an empty module, so the rules hold before the first auto-configuration is
 * written; the tests on {@link BadAutoConfiguration} show that each one bites.
 */
class AutoConfigurationArchitectureTests {

  private static final String CONFIGURATION = Configuration.class.getName();

  /** This module's classes: not the core's, even when the core is on the classpath as a folder. */
  private static final JavaClasses MODULE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(new InThisModule())
          .importPackages("com.winwinmbs.portal");

  private static final JavaClasses BAD_FIXTURE =
      new ClassFileImporter()
          .importClasses(
              BadAutoConfiguration.class, BadAutoConfiguration.NestedConfiguration.class);

  static final ArchRule AUTO_CONFIGURATIONS_ARE_PUBLIC_AND_FINAL =
      classes()
          .that()
          .areAnnotatedWith(AutoConfiguration.class)
          .should()
          .bePublic()
          .andShould()
          .haveModifier(JavaModifier.FINAL)
          .allowEmptyShould(true)
          .because(
              "auto-configurations are entry points named in AutoConfiguration.imports, not base classes");

  static final ArchRule BEAN_METHODS_ARE_PACKAGE_PRIVATE =
      methods()
          .that()
          .areAnnotatedWith(Bean.class)
          .should()
          .bePackagePrivate()
          .allowEmptyShould(true)
          .because("bean methods are called by Spring, not by users");

  static final ArchRule NESTED_CONFIGURATIONS_ARE_STATIC_WITHOUT_PROXIED_BEAN_METHODS =
      classes()
          .that()
          .areMetaAnnotatedWith(Configuration.class)
          .and()
          .areNestedClasses()
          .should()
          .haveModifier(JavaModifier.STATIC)
          .andShould()
          .beAnnotatedWith(configurationWithoutProxiedBeanMethods())
          .allowEmptyShould(true)
          .because("a nested configuration must not need its outer instance, nor a CGLIB subclass");

  static final ArchRule NO_DEPENDENCY_ON_CORE_INTERNALS =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.winwinmbs.portal.api.internal..")
          .allowEmptyShould(true)
          .because(
              "the auto-configuration uses the client's public API, which internal types may change under");

  @Test
  void autoConfigurationsArePublicAndFinal() {
    AUTO_CONFIGURATIONS_ARE_PUBLIC_AND_FINAL.check(MODULE);
  }

  @Test
  void beanMethodsArePackagePrivate() {
    BEAN_METHODS_ARE_PACKAGE_PRIVATE.check(MODULE);
  }

  @Test
  void nestedConfigurationsAreStaticWithoutProxiedBeanMethods() {
    NESTED_CONFIGURATIONS_ARE_STATIC_WITHOUT_PROXIED_BEAN_METHODS.check(MODULE);
  }

  @Test
  void nothingDependsOnCoreInternals() {
    NO_DEPENDENCY_ON_CORE_INTERNALS.check(MODULE);
  }

  @Test
  void moduleClassesExcludeTheCore() {
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> MODULE.get(Endpoints.class));
  }

  @Test
  void autoConfigurationRuleReportsANonFinalAutoConfiguration() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> AUTO_CONFIGURATIONS_ARE_PUBLIC_AND_FINAL.check(BAD_FIXTURE))
        .withMessageContaining(BadAutoConfiguration.class.getName());
  }

  @Test
  void beanMethodRuleReportsAPublicAndAPrivateBeanMethod() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> BEAN_METHODS_ARE_PACKAGE_PRIVATE.check(BAD_FIXTURE))
        .withMessageContaining("publicBean()")
        .withMessageContaining("privateBean()")
        .withMessageNotContaining("packagePrivateBean()");
  }

  @Test
  void nestedConfigurationRuleReportsAnInnerProxiedConfiguration() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(
            () -> NESTED_CONFIGURATIONS_ARE_STATIC_WITHOUT_PROXIED_BEAN_METHODS.check(BAD_FIXTURE))
        .withMessageContaining(BadAutoConfiguration.NestedConfiguration.class.getName())
        .withMessageContaining("STATIC")
        .withMessageContaining("proxyBeanMethods");
  }

  @Test
  void internalsRuleReportsADependencyOnCoreInternals() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> NO_DEPENDENCY_ON_CORE_INTERNALS.check(BAD_FIXTURE))
        .withMessageContaining(Endpoints.class.getName());
  }

  private static DescribedPredicate<JavaAnnotation<?>> configurationWithoutProxiedBeanMethods() {
    return DescribedPredicate.describe(
        "@Configuration(proxyBeanMethods = false)",
        annotation ->
            annotation.getRawType().getName().equals(CONFIGURATION)
                && Boolean.FALSE.equals(annotation.get("proxyBeanMethods").orElse(Boolean.TRUE)));
  }

  /** Accepts only classes compiled from this module's main sources. */
  static final class InThisModule implements ImportOption {

    private final String mainClasses;

    InThisModule() {
      try {
        // target/test-classes/ -> target/classes/
        this.mainClasses =
            AutoConfigurationArchitectureTests.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI()
                .resolve("../classes/")
                .toString();
      } catch (URISyntaxException ex) {
        throw new IllegalStateException(ex);
      }
    }

    @Override
    public boolean includes(Location location) {
      return location.asURI().toString().startsWith(mainClasses);
    }
  }

  /**
   * Everything the rules forbid. Inner (not static) classes, so component scanning never picks them
   * up.
   */
  @AutoConfiguration
  class BadAutoConfiguration {

    @Bean
    public String publicBean() {
      return Endpoints.class.getName();
    }

    @Bean
    private String privateBean() {
      return "private";
    }

    @Bean
    String packagePrivateBean() {
      return "package-private";
    }

    @Configuration
    class NestedConfiguration {}
  }
}
