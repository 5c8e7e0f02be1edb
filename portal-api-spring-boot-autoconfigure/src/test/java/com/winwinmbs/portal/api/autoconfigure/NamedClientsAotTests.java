package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.PortalApiClient;
import java.util.LinkedHashMap;
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
 * Named clients processed ahead of time, as for a native image: their bean definitions (a factory
 * method with the client's name as argument) are generated as code, and the client's settings are
 * still read when the application starts.
 */
@CompileWithForkedClassLoader // the generated code reaches package-private configurations
class NamedClientsAotTests {

  @Test
  void aNamedClientIsABeanOfTheGeneratedApplicationWithItsRunTimeSettings() {
    GenericApplicationContext build = new GenericApplicationContext();
    withProperties(
        build,
        Map.of(
            "portal.api.base-url", "https://api.example.com",
            "portal.api.clients.billing.base-url", "https://billing.example.com"));
    build.registerBean(PortalApiAuthAutoConfiguration.class);
    build.registerBean(PortalApiAutoConfiguration.class);
    AnnotationConfigUtils.registerAnnotationConfigProcessors(build);
    TestGenerationContext generation = new TestGenerationContext();
    ClassName initializer =
        new ApplicationContextAotGenerator().processAheadOfTime(build, generation);
    generation.writeGeneratedContent();
    TestCompiler.forSystem()
        .with(generation)
        .compile(
            (compiled) -> {
              SpringProperties.setFlag(AotDetector.AOT_ENABLED);
              try (GenericApplicationContext run = new GenericApplicationContext()) {
                withProperties(
                    run,
                    Map.of(
                        "portal.api.base-url", "https://api.example.com",
                        "portal.api.clients.billing.base-url", "https://billing.example.org"));
                @SuppressWarnings("unchecked")
                ApplicationContextInitializer<GenericApplicationContext> generated =
                    compiled.getInstance(
                        ApplicationContextInitializer.class, initializer.toString());
                generated.initialize(run);
                run.refresh();

                PortalApiClient billing =
                    run.getBean("billingPortalApiClient", PortalApiClient.class);
                assertThat(billing.baseUrl()).isEqualTo("https://billing.example.org");
                assertThat(run.getBean(PortalApiClient.class).baseUrl())
                    .isEqualTo("https://api.example.com");
              } finally {
                SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
              }
            });
  }

  private static void withProperties(
      GenericApplicationContext context, Map<String, String> properties) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("test", new LinkedHashMap<>(properties)));
  }
}
