package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

/**
 * The auth auto-configuration processed ahead of time, as for a native image, then started with
 * other {@code portal.api.auth.*} settings: the conditions ran at build time, so the failure must
 * say that the mode was fixed then, not complain about a property.
 */
@CompileWithForkedClassLoader // the generated code reaches package-private configurations
class PortalApiAuthAotTests {

  private static final String BASE_URL = "portal.api.base-url=https://api.example.com";

  @Test
  void staticTokenAtRunTimeAfterABuildForAClientIdSaysTheModeWasFixedAtBuildTime() {
    List<Throwable> failures =
        startAfterAotBuild(
            new String[] {
              BASE_URL, "portal.api.auth.client-id=app_123", "portal.api.auth.client-secret=s3cret"
            },
            // the token replaces the client id; the secret's variable is still set
            new String[] {
              BASE_URL, "portal.api.auth.token=st4tic", "portal.api.auth.client-secret=s3cret"
            },
            // the settings it was built with, other values
            new String[] {
              BASE_URL, "portal.api.auth.client-id=app_456", "portal.api.auth.client-secret=other"
            });

    PortalApiConfigurationException exception = configurationException(failures.get(0));
    assertThat(exception.description())
        .isEqualTo(
            "portal.api.auth.* selects the 'static' authentication mode, but this application was"
                + " built with AOT processing for machine tokens from portal.api.auth.client-id:"
                + " with AOT (a native image, or spring.aot.enabled=true) the authentication mode is"
                + " fixed at build time.")
        .doesNotContain("st4tic", "s3cret");
    assertThat(exception.action())
        .startsWith("Build the application again with the portal.api.auth.* settings it runs with");
    assertThat(failures.get(1)).as("same mode, other values").isNull();
  }

  @Test
  void aTokenAtRunTimeAfterABuildWithoutAuthenticationIsNotSilentlyDropped() {
    List<Throwable> failures =
        startAfterAotBuild(
            new String[] {BASE_URL},
            new String[] {BASE_URL, "portal.api.auth.token=st4tic"},
            new String[] {BASE_URL});

    assertThat(configurationException(failures.get(0)).description())
        .startsWith(
            "portal.api.auth.* selects the 'static' authentication mode, but this application was"
                + " built with AOT processing for no authentication");
    assertThat(failures.get(1)).as("no authentication, as built").isNull();
  }

  /**
   * Processes the auto-configurations ahead of time with one set of properties, then starts the
   * generated application with each other set; the startup failure of each, or null.
   */
  private static List<Throwable> startAfterAotBuild(String[] buildTime, String[]... runTimes) {
    GenericApplicationContext build = new GenericApplicationContext();
    withProperties(build, buildTime);
    build.registerBean(PortalApiAuthAutoConfiguration.class);
    build.registerBean(PortalApiAutoConfiguration.class);
    AnnotationConfigUtils.registerAnnotationConfigProcessors(build);
    TestGenerationContext generation = new TestGenerationContext();
    ClassName initializer =
        new ApplicationContextAotGenerator().processAheadOfTime(build, generation);
    generation.writeGeneratedContent();
    List<Throwable> failures = new ArrayList<>();
    TestCompiler.forSystem()
        .with(generation)
        .compile(
            (compiled) ->
                asAotApplication(
                    () -> {
                      for (String[] runTime : runTimes) {
                        GenericApplicationContext run = new GenericApplicationContext();
                        withProperties(run, runTime);
                        @SuppressWarnings("unchecked")
                        ApplicationContextInitializer<GenericApplicationContext> generated =
                            compiled.getInstance(
                                ApplicationContextInitializer.class, initializer.toString());
                        generated.initialize(run);
                        failures.add(catchThrowable(run::refresh));
                        run.close();
                      }
                    }));
    return failures;
  }

  /** Runs the action as an application started from AOT-generated artifacts. */
  private static void asAotApplication(Runnable action) {
    SpringProperties.setFlag(AotDetector.AOT_ENABLED);
    try {
      assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
      action.run();
    } finally {
      SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
    }
  }

  private static void withProperties(GenericApplicationContext context, String[] properties) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String property : properties) {
      int equals = property.indexOf('=');
      values.put(property.substring(0, equals), property.substring(equals + 1));
    }
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", values));
  }

  private static PortalApiConfigurationException configurationException(Throwable failure) {
    assertThat(failure).as("startup failure").isNotNull();
    Throwable cause = failure;
    while (cause != null && !(cause instanceof PortalApiConfigurationException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("PortalApiConfigurationException in %s", failure).isNotNull();
    return (PortalApiConfigurationException) cause;
  }
}
