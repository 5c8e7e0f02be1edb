package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.ApiPaginatedResponse;
import com.winwinmbs.portal.api.ApiResponse;
import com.winwinmbs.portal.api.Pagination;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.SortOrder;
import com.winwinmbs.portal.api.health.HealthStatus;
import com.winwinmbs.portal.api.internal.ClientSettings;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

/** The native-image hints of {@link PortalApiRuntimeHints}. */
class PortalApiRuntimeHintsTests {

  private final RuntimeHints hints = new RuntimeHints();

  PortalApiRuntimeHintsTests() {
    new PortalApiRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
  }

  @Test
  void recordsOfEveryNamespaceAreBindable() throws Exception {
    for (Class<?> type :
        new Class<?>[] {
          HealthStatus.class,
          ApiResponse.class,
          ApiPaginatedResponse.class,
          Pagination.class,
          SearchRequest.class
        }) {
      assertThat(
              RuntimeHintsPredicates.reflection()
                  .onType(type)
                  .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
          .accepts(this.hints);
      assertThat(
              RuntimeHintsPredicates.reflection()
                  .onType(type)
                  .withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS))
          .accepts(this.hints);
    }
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onMethodInvocation(HealthStatus.class.getMethod("status")))
        .accepts(this.hints);
  }

  @Test
  void enumsAreBindable() {
    assertThat(RuntimeHintsPredicates.reflection().onType(SortOrder.class)).accepts(this.hints);
  }

  @Test
  void internalsAreLeftOutExceptTheNamespaceBodies() {
    assertThat(RuntimeHintsPredicates.reflection().onType(ClientSettings.class))
        .rejects(this.hints);
    assertThat(PortalApiRuntimeHints.jsonTypes(getClass().getClassLoader()))
        .filteredOn((name) -> name.contains(".internal.") || name.contains(".http."))
        .isNotEmpty()
        .allMatch(
            (name) ->
                name.startsWith(PortalApiRuntimeHints.BASE_PACKAGE + ".internal.namespaces."));
  }

  @Test
  void theBodiesOnlyTheNamespaceImplementationsSeeAreBindable() {
    for (String name :
        new String[] {
          PortalApiRuntimeHints.BASE_PACKAGE + ".internal.namespaces.McpTokenList",
          PortalApiRuntimeHints.BASE_PACKAGE + ".internal.namespaces.SetRolesBody"
        }) {
      assertThat(
              RuntimeHintsPredicates.reflection()
                  .onType(TypeReference.of(name))
                  .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
          .accepts(this.hints);
    }
  }

  @Test
  void resourcesTheClientLoadsAreIncluded() {
    assertThat(
            RuntimeHintsPredicates.resource()
                .forResource("com/winwinmbs/portal/api/version.properties"))
        .accepts(this.hints);
    assertThat(
            RuntimeHintsPredicates.resource()
                .forResource("com/winwinmbs/portal/api/openapi/portal-api.yaml"))
        .accepts(this.hints);
  }

  @Test
  void hintsAreRegisteredByTheAutoConfiguration() {
    assertThat(
            PortalApiAutoConfiguration.class
                .getAnnotation(org.springframework.context.annotation.ImportRuntimeHints.class)
                .value())
        .containsExactly(PortalApiRuntimeHints.class);
  }
}
