package com.winwinmbs.portal.api.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against a {@link MockPortal}: declare a {@code MockPortal} parameter on
 * a test or lifecycle method to get it. See {@link MockPortalExtension}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(MockPortalExtension.class)
public @interface MockPortalTest {}
