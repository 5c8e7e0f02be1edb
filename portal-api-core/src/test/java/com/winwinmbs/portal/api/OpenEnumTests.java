package com.winwinmbs.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.winwinmbs.portal.api.internal.PortalJson;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one test of every open enum: a record holding the wire value as sent, with constants for the
 * values the client knows. Each type is found on the classpath (a record with {@code isKnown()}),
 * so a new one is tested without being listed.
 */
class OpenEnumTests {

  /**
   * Open enums not in this shape, by name: {@code auth.SsoProvider} is built by the SSO login
   * routes, whose types are being reshaped with the sessions.
   */
  private static final Set<String> OTHER_SHAPE = Set.of();

  private static final String UNKNOWN = "a-value-this-client-does-not-know";

  static Stream<Class<?>> openEnums() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.winwinmbs.portal.api")
            .stream()
            .<Class<?>>map(JavaClass::reflect)
            .filter(Class::isRecord)
            .filter(
                type ->
                    Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals("isKnown")))
            .filter(type -> !OTHER_SHAPE.contains(type.getName()))
            .sorted((a, b) -> a.getName().compareTo(b.getName()));
  }

  @Test
  void everyOpenEnumIsFound() {
    assertThat(openEnums()).hasSizeGreaterThanOrEqualTo(19);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openEnums")
  void holdsOnlyTheWireValueAndOffersOfKnownAndIsKnown(Class<?> type) throws Exception {
    assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
        .containsExactly("value");
    assertThat(type.getRecordComponents()[0].getType()).isEqualTo(String.class);
    assertThat(Modifier.isStatic(type.getMethod("of", String.class).getModifiers())).isTrue();
    assertThat(type.getMethod("of", String.class).getReturnType()).isEqualTo(type);
    assertThat(Modifier.isStatic(type.getMethod("known").getModifiers())).isTrue();
    assertThat(type.getMethod("known").getReturnType()).isEqualTo(List.class);
    assertThat(type.getMethod("isKnown").getReturnType()).isEqualTo(boolean.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openEnums")
  void knownHoldsEveryConstantOnceInDeclarationOrderAndCannotBeChanged(Class<?> type)
      throws Exception {
    List<Object> constants =
        Arrays.stream(type.getDeclaredFields())
            .filter(f -> f.getType() == type && Modifier.isPublic(f.getModifiers()))
            .map(OpenEnumTests::read)
            .toList();
    List<Object> known = known(type);

    assertThat(known).isNotEmpty().containsExactlyElementsOf(constants).doesNotHaveDuplicates();
    assertThat(known.stream().map(OpenEnumTests::value)).doesNotHaveDuplicates();
    assertThatThrownBy(() -> known.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openEnums")
  void aKnownValueDecodesToItsConstantAndEncodesAsTheBareValue(Class<?> type) throws Exception {
    for (Object constant : known(type)) {
      String value = value(constant);
      String json = "\"" + value + "\"";

      assertThat(of(type, value)).isSameAs(constant);
      assertThat(PortalJson.MAPPER.readValue(json, type)).isSameAs(constant);
      assertThat(PortalJson.MAPPER.writeValueAsString(constant)).isEqualTo(json);
      assertThat(isKnown(constant)).isTrue();
      assertThat(constant).hasToString(value);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openEnums")
  void anUnknownValueDecodesAndIsSentBackUnchanged(Class<?> type) throws Exception {
    String json = "\"" + UNKNOWN + "\"";

    Object decoded = PortalJson.MAPPER.readValue(json, type);

    assertThat(isKnown(decoded)).isFalse();
    assertThat(value(decoded)).isEqualTo(UNKNOWN);
    assertThat(decoded).isEqualTo(of(type, UNKNOWN)).hasToString(UNKNOWN);
    assertThat(known(type)).doesNotContain(decoded);
    assertThat(PortalJson.MAPPER.writeValueAsString(decoded)).isEqualTo(json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openEnums")
  void aNullValueIsRefused(Class<?> type) {
    assertThatNullPointerException()
        .isThrownBy(() -> invoke(type.getMethod("of", String.class), null))
        .withMessage("value == null");
    assertThatNullPointerException()
        .isThrownBy(() -> construct(type, null))
        .withMessage("value == null");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> known(Class<?> type) throws Exception {
    return (List<Object>) type.getMethod("known").invoke(null);
  }

  private static Object of(Class<?> type, String value) throws Exception {
    return type.getMethod("of", String.class).invoke(null, value);
  }

  private static boolean isKnown(Object constant) throws Exception {
    return (boolean) constant.getClass().getMethod("isKnown").invoke(constant);
  }

  private static String value(Object constant) {
    try {
      return (String) constant.getClass().getMethod("value").invoke(constant);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object read(Field field) {
    try {
      return field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Invokes a static method, rethrowing what it threw. */
  private static Object invoke(Method method, Object argument) throws Throwable {
    try {
      return method.invoke(null, argument);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object construct(Class<?> type, String value) throws Throwable {
    try {
      return type.getConstructor(String.class).newInstance(value);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
