package com.winwinmbs.portal.api.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link MockPortal} for a Spring test's application context and points the portal client
 * at it; the {@code MockPortal} is a bean, so a test can inject it.
 *
 * <p>Set in the environment, ahead of the application's own files:
 *
 * <ul>
 *   <li>{@code portal.api.base-url}, and {@code portal.mock.base-url} / {@code
 *       portal.mock.token-endpoint} for placeholders (for example a Spring Security provider's
 *       {@code token-uri: ${portal.mock.token-endpoint}});
 *   <li>with {@code portal.api.auth.client-id} configured: {@code portal.api.auth.token-endpoint},
 *       and the mock accepts that client id and secret;
 *   <li>with {@code portal.api.auth.token} configured: the mock accepts that token;
 *   <li>with {@code portal.api.auth.registration-id} configured: the mock accepts that Spring
 *       Security registration's client id and secret (point its provider's {@code token-uri} at
 *       {@code ${portal.mock.token-endpoint}});
 *   <li>with no {@code portal.api.auth.*} at all: machine tokens with the mock's own client ({@link
 *       MockPortal#CLIENT_ID}).
 * </ul>
 *
 * <p>Credentials the application reads from variables that are not set where the tests run, as in
 * CI ({@code client-secret: ${PORTAL_CLIENT_SECRET}}), are replaced by the mock's own: {@code
 * portal.api.api-key}, {@code portal.api.auth.client-id}, {@code client-secret} and {@code token},
 * and the registration's {@code client-id} and {@code client-secret}. The application's
 * configuration works as written, without a test profile.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureMockPortal
 * class OnboardingTests {
 *   @Autowired UserApi users;
 *   @Autowired MockPortal portal;
 *
 *   @Test
 *   void findsSomchai() {
 *     assertThat(users.findById("usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8").username()).isEqualTo("somchai.k");
 *     portal.assertNoContractViolations();
 *   }
 * }
 * }</pre>
 *
 * <p>The mock lives as long as the cached context: scenarios and received requests carry over from
 * test to test, so call {@link MockPortal#reset()} where that matters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureMockPortal {}
