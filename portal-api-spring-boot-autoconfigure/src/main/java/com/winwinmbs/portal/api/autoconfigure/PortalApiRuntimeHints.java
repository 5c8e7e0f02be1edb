package com.winwinmbs.portal.api.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * {@link RuntimeHintsRegistrar} for a native image: reflection on the records and enums the client
 * reads and writes as JSON, and the resources it loads ({@code version.properties}, the OpenAPI
 * document).
 *
 * <p>The types are found by scanning the client's packages when the hints are computed (at build
 * time), so every namespace's DTOs are covered without a list to keep up to date. The transport SPI
 * and internals are left out: they are never bound to JSON, except the wire bodies the namespace
 * implementations keep to themselves ({@code internal.namespaces}).
 */
class PortalApiRuntimeHints implements RuntimeHintsRegistrar {

  static final String BASE_PACKAGE = "com.winwinmbs.portal.api";

  private static final String RESOURCE_ROOT = "com/winwinmbs/portal/api/";

  private static final List<String> EXCLUDED_PACKAGES =
      List.of(BASE_PACKAGE + ".internal", BASE_PACKAGE + ".http", BASE_PACKAGE + ".autoconfigure");

  /**
   * Internal, but bound to JSON: the request and answer bodies of the namespace implementations.
   */
  private static final String NAMESPACE_BODIES = BASE_PACKAGE + ".internal.namespaces";

  @Override
  public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
    hints.resources().registerPattern(RESOURCE_ROOT + "version.properties");
    hints.resources().registerPattern(RESOURCE_ROOT + "openapi/**");
    BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
    for (String type : jsonTypes(classLoader)) {
      Class<?> resolved = resolve(type, classLoader);
      if (resolved != null) {
        binding.registerReflectionHints(hints.reflection(), resolved);
        // @JsonCreator factories of value records and the public accessors of every record.
        hints
            .reflection()
            .registerType(
                resolved,
                MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                MemberCategory.INVOKE_PUBLIC_METHODS);
      } else {
        hints
            .reflection()
            .registerType(
                TypeReference.of(type),
                MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                MemberCategory.INVOKE_PUBLIC_METHODS);
      }
    }
  }

  /** The names of the records and enums of the client's packages, internals excluded. */
  static List<String> jsonTypes(@Nullable ClassLoader classLoader) {
    PathMatchingResourcePatternResolver resolver =
        new PathMatchingResourcePatternResolver(classLoader);
    SimpleMetadataReaderFactory readers = new SimpleMetadataReaderFactory(resolver);
    List<String> names = new ArrayList<>();
    try {
      for (Resource resource :
          resolver.getResources("classpath*:" + RESOURCE_ROOT + "**/*.class")) {
        MetadataReader reader = readers.getMetadataReader(resource);
        String name = reader.getClassMetadata().getClassName();
        String superName = reader.getClassMetadata().getSuperClassName();
        boolean json = "java.lang.Record".equals(superName) || "java.lang.Enum".equals(superName);
        if (json && !excluded(name) && reader.getClassMetadata().isIndependent()) {
          names.add(name);
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(
          "Could not scan " + BASE_PACKAGE + " for the types the client binds", ex);
    }
    return names;
  }

  private static boolean excluded(String className) {
    String packageName = ClassUtils.getPackageName(className);
    if (packageName.equals(NAMESPACE_BODIES)) {
      return false;
    }
    for (String excluded : EXCLUDED_PACKAGES) {
      if (packageName.equals(excluded) || packageName.startsWith(excluded + ".")) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Class<?> resolve(String name, @Nullable ClassLoader classLoader) {
    try {
      return ClassUtils.forName(name, classLoader);
    } catch (ClassNotFoundException | LinkageError ex) {
      return null;
    }
  }
}
