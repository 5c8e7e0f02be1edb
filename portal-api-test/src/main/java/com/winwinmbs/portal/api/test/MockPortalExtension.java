package com.winwinmbs.portal.api.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts one {@link MockPortal} per test class, injects it into test and
 * lifecycle methods, resets it before each test and fails a test whose requests broke the contract.
 *
 * <pre>{@code
 * @MockPortalTest
 * class OnboardingTests {
 *   @Test
 *   void findsUsers(MockPortal portal) {
 *     assertThat(portal.client().user().search(SearchRequest.all()).items()).isNotEmpty();
 *   }
 * }
 * }</pre>
 */
public final class MockPortalExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MockPortalExtension.class);

  /** For JUnit. */
  public MockPortalExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    portal(context).reset();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    portal(context).assertNoContractViolations();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MockPortal.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return portal(context);
  }

  private static MockPortal portal(ExtensionContext context) {
    ExtensionContext classContext =
        context.getTestClass().isPresent() && context.getTestMethod().isPresent()
            ? context.getParent().orElse(context)
            : context;
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("portal", key -> new Resource(MockPortal.start()), Resource.class)
        .portal;
  }

  /** Stops the portal when JUnit closes the store. */
  private record Resource(MockPortal portal) implements AutoCloseable {
    @Override
    public void close() {
      portal.stop();
    }
  }
}
