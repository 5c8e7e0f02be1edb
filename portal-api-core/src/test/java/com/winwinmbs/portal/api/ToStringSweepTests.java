package com.winwinmbs.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.winwinmbs.portal.api.auth.SessionTokenSource;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.HttpMethod;
import com.winwinmbs.portal.api.http.JdkHttpTransport;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.internal.ClientSettings;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.internal.namespaces.DefaultAuthApi;
import com.winwinmbs.portal.api.internal.namespaces.DefaultSession;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.oauth.TokenRequestFormat;
import com.winwinmbs.portal.api.tenant.SsoProviderType;
import com.winwinmbs.portal.api.tenant.UpdateSsoConfigRequest;
import com.winwinmbs.portal.api.testing.HandlerServer;
import com.winwinmbs.portal.api.testing.TestClients;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Sweeps {@code toString()} over every public type of the core: a record whose component is named
 * like a secret must not print it, and a public class holding a secret-named field must be one of
 * the credential holders checked here by hand. A new type that breaks either rule fails this test.
 */
class ToStringSweepTests {

  /** Words that make a component or field name a secret (names are split on camel case and _). */
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "token",
          "tokens",
          "secret",
          "secrets",
          "password",
          "passwd",
          "key",
          "apikey",
          "cookie",
          "cookies",
          "authorization",
          "credential",
          "credentials",
          "code",
          "otp",
          "pin",
          "signature");

  /** Last words that make a name describe a secret rather than hold it: tokenId, keyType. */
  private static final Set<String> ABOUT_A_SECRET =
      Set.of("id", "ids", "prefix", "type", "name", "hint", "length", "count", "status");

  /** Words before "code" or "key" that make it a plain identifier: templateCode, statusCode. */
  private static final Set<String> PLAIN_QUALIFIERS =
      Set.of("template", "status", "ref", "permission", "error", "role", "http", "country");

  /**
   * Record components whose name looks secret but whose value is not; each with the reason.
   * Anything added here needs a reason a reviewer accepts.
   */
  private static final Map<String, String> NOT_SECRET =
      Map.ofEntries(
          Map.entry("PortalError.code", "the portal's error code, e.g. NOT_FOUND"),
          Map.entry("Permission.code", "a permission's code, such as users:read"),
          Map.entry("PermissionCreateRequest.code", "a permission's code, such as users:read"),
          Map.entry("PermissionCategory.code", "a category's code"),
          Map.entry("PermissionCategoryCreateRequest.code", "a category's code"),
          Map.entry("PermissionCategoryUpdateRequest.code", "a category's code"),
          Map.entry("RolePermission.code", "a permission's code"),
          Map.entry("Role.code", "a role's code"),
          Map.entry("RoleCreateRequest.code", "a role's code"),
          Map.entry("Organization.code", "an organization's code"),
          Map.entry("OrganizationCreateRequest.code", "an organization's code"),
          Map.entry("OrganizationUpdateRequest.code", "an organization's code"),
          Map.entry("RoleRef.code", "a role's code"),
          Map.entry("Workflow.code", "a workflow's code"),
          Map.entry("EmailTemplate.code", "a template's code"),
          Map.entry("SystemConfig.key", "the setting's name; its value is redacted by type"),
          Map.entry(
              "PortalObservationContext.lowCardinalityKeyValues",
              "the observation's tags (method, uri template, status), not a key"),
          Map.entry(
              "PortalObservationContext.highCardinalityKeyValues",
              "the observation's tags (method, uri template, status), not a key"));

  /**
   * Public non-record classes that hold a credential, each checked by {@link
   * #credentialHoldersNeverPrintTheirSecrets()}.
   */
  private static final Set<Class<?>> CREDENTIAL_HOLDERS =
      Set.of(
          PortalApiClient.class,
          PortalApiClient.Builder.class,
          RequestOptions.class,
          RequestOptions.Builder.class,
          Headers.class,
          Headers.Builder.class,
          ClientCredentialsTokenProvider.class,
          ClientCredentialsTokenProvider.Builder.class,
          DefaultSession.class,
          DefaultAuthApi.class,
          UpdateSsoConfigRequest.Builder.class,
          RequestExecutor.class);

  private static final List<Class<?>> PUBLIC_TYPES = publicTypes();

  @Test
  void everyPublicRecordRedactsItsSecretNamedComponents() {
    List<Class<?>> records = PUBLIC_TYPES.stream().filter(Class::isRecord).toList();
    assertThat(records).as("public records found").hasSizeGreaterThan(50);

    List<String> violations = new ArrayList<>();
    for (Class<?> type : records) {
      violations.addAll(violations(type));
    }

    assertThat(violations).isEmpty();
  }

  @Test
  void everyExceptionListedForANonSecretNameStillExists() {
    Set<String> names = new LinkedHashSet<>();
    for (Class<?> type : PUBLIC_TYPES) {
      if (type.isRecord()) {
        for (RecordComponent component : type.getRecordComponents()) {
          names.add(typeName(type) + "." + component.getName());
        }
      } else {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
          for (Field field : c.getDeclaredFields()) {
            names.add(typeName(type) + "." + field.getName());
          }
        }
      }
    }

    // a stale entry excuses nothing today, but would silently excuse a future secret
    assertThat(NOT_SECRET.keySet().stream().filter(name -> !names.contains(name)))
        .as("NOT_SECRET entries without a component or field")
        .isEmpty();
  }

  @Test
  void theSweepCatchesARecordThatPrintsASecretNamedComponent() {
    assertThat(violations(LeakyFixture.class))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("LeakyFixture.clientSecret");
    assertThat(violations(RedactedFixture.class)).isEmpty();
  }

  @Test
  void everyPublicClassHoldingASecretNamedFieldIsCheckedByHand() {
    Map<String, List<String>> unchecked = new TreeMap<>();
    for (Class<?> type : PUBLIC_TYPES) {
      if (type.isRecord()
          || type.isInterface()
          || type.isEnum()
          || isThrowable(type)
          || !overridesToString(type)) {
        continue; // Object.toString() prints no field
      }
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers())
              && canHoldASecret(field.getType())
              && looksSecret(field.getName())
              && !NOT_SECRET.containsKey(typeName(type) + "." + field.getName())
              && !CREDENTIAL_HOLDERS.contains(type)) {
            unchecked.computeIfAbsent(type.getName(), k -> new ArrayList<>()).add(field.getName());
          }
        }
      }
    }

    assertThat(unchecked)
        .as("public classes with secret fields not in CREDENTIAL_HOLDERS")
        .isEmpty();
  }

  @Test
  void credentialHoldersNeverPrintTheirSecrets() throws Exception {
    String apiKey = "sweep-api-key-Z1";
    String token = "sweep-bearer-Z2";
    String clientSecret = "sweep-client-secret-Z3";
    String cookie = "sweep-cookie-Z4";
    String ssoSecret = "sweep-sso-secret-Z5";
    String idempotencyKey = "sweep-idem-Z6";

    PortalApiClient.Builder builder =
        PortalApiClient.builder()
            .apiUrl("https://portal.example.com")
            .apiKey(apiKey)
            .tokenSource(TokenSource.of(token))
            .tenantId("tenant-a");
    PortalApiClient client = builder.build();
    RequestOptions.Builder optionsBuilder =
        RequestOptions.builder()
            .header("Authorization", "Bearer " + token)
            .header("Cookie", "portal_session=" + cookie)
            .header("X-API-Key", apiKey)
            .idempotencyKey(idempotencyKey)
            .tokenSource(TokenSource.of(token));
    RequestOptions options = optionsBuilder.build();
    Headers.Builder headersBuilder =
        Headers.builder()
            .set("Authorization", "Bearer " + token)
            .set("Proxy-Authorization", "Basic " + token)
            .set("X-API-Key", apiKey)
            .set("Cookie", "a=" + cookie)
            .add("Set-Cookie", "b=" + cookie + "; HttpOnly");
    Headers headers = headersBuilder.build();
    ClientCredentialsTokenProvider.Builder providerBuilder =
        ClientCredentialsTokenProvider.builder()
            .apiUrl("https://portal.example.com")
            .clientId("app_sweep")
            .clientSecret(clientSecret)
            .format(TokenRequestFormat.FORM);
    ClientCredentialsTokenProvider provider = providerBuilder.build();
    // a real session, holding the token and the refresh cookie its login answered
    SessionTokenSource session;
    PortalApiClient local;
    try (HandlerServer server =
        HandlerServer.start(
            exchange -> {
              exchange.getResponseHeaders().add("Set-Cookie", "refresh=" + cookie + "; HttpOnly");
              HandlerServer.write(
                  HandlerServer.chunkedJson(exchange, 200),
                  "{\"accessToken\":\"" + token + "\",\"tenant\":{\"id\":\"tenant-a\"}}");
            })) {
      local = PortalApiClient.builder().apiUrl(server.baseUrl()).apiKey(apiKey).build();
      session = local.auth().login("ann@acme.com", clientSecret, false);
    }
    assertThat(session).isInstanceOf(DefaultSession.class);
    assertThat(session.token()).contains(token);
    assertThat(session.cookieNames()).containsExactly("refresh");
    UpdateSsoConfigRequest.Builder ssoBuilder =
        UpdateSsoConfigRequest.builder(SsoProviderType.AZURE_AD).clientSecret(ssoSecret);
    TransportRequest request =
        new TransportRequest(
            new Endpoint("sweep", "get", HttpMethod.GET, "/things/{id}", true, true),
            HttpMethod.GET,
            URI.create("https://portal.example.com/things/1"),
            Map.of("id", "1"),
            headers,
            RequestBody.of(clientSecret.getBytes(StandardCharsets.UTF_8), "text/plain"),
            Duration.ofSeconds(1));
    ClientSettings settings = TestClients.executor(client).settings();

    List<Object> holders =
        List.of(
            builder,
            client,
            client.toBuilder(),
            client.auth(),
            local.auth(),
            local.auth().withOptions(session.requestOptions()),
            TestClients.executor(client),
            settings,
            optionsBuilder,
            options,
            options.toBuilder(),
            headersBuilder,
            headers,
            headers.toBuilder(),
            providerBuilder,
            provider,
            session,
            session.requestOptions(),
            ssoBuilder,
            ssoBuilder.build(),
            request,
            TokenSource.of(token),
            TokenSource.fromSupplier(() -> token),
            TokenSource.fromAsync(() -> CompletableFuture.completedFuture(token), Duration.ZERO));

    for (Object holder : holders) {
      assertThat(holder.toString())
          .as("toString() of %s", holder.getClass().getName())
          .doesNotContain(apiKey, token, clientSecret, cookie, ssoSecret);
    }
    // the idempotency key is not a credential: it must stay visible for debugging
    assertThat(options.toString()).contains(idempotencyKey);
  }

  // ---------------------------------------------------------------------------------------------

  private static List<String> violations(Class<?> type) {
    Markers markers = new Markers();
    Object instance;
    try {
      instance = build(type, markers, 0);
    } catch (ReflectiveOperationException | RuntimeException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      return List.of(typeName(type) + ": could not be built for the sweep (" + cause + ")");
    }
    String text = String.valueOf(instance);
    List<String> found = new ArrayList<>();
    markers.secrets.forEach(
        (marker, component) -> {
          if (text.contains(marker)) {
            found.add(component + " is printed by toString(): " + text);
          }
        });
    return found;
  }

  /** Markers handed out while building one instance, and which of them stand for a secret. */
  private static final class Markers {
    final Map<String, String> secrets = new LinkedHashMap<>();
    int next;

    String next(Class<?> owner, String component) {
      String name = typeName(owner) + "." + component;
      String marker = "mk" + (next++) + "q" + component + "Q";
      if (looksSecret(component) && !NOT_SECRET.containsKey(name)) {
        secrets.put(marker, name);
      }
      return marker;
    }
  }

  private static Object build(Class<?> type, Markers markers, int depth)
      throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      args[i] =
          sample(
              type,
              components[i].getName(),
              components[i].getType(),
              components[i].getGenericType(),
              markers,
              depth);
    }
    Constructor<?> constructor = type.getDeclaredConstructor(types);
    constructor.setAccessible(true);
    return constructor.newInstance(args);
  }

  private static @Nullable Object sample(
      Class<?> owner, String name, Class<?> type, Type generic, Markers markers, int depth)
      throws ReflectiveOperationException {
    if (type == String.class || type == CharSequence.class || type == Object.class) {
      // a few components are checked for their form when built
      return switch (name) {
        case "uriTemplate" -> "/" + markers.next(owner, name);
        case "baseUrl" -> "https://" + markers.next(owner, name).toLowerCase(Locale.ROOT) + ".test";
        case "guideBasePath" -> "/" + markers.next(owner, name);
        case "contentType" -> "application/x-" + markers.next(owner, name);
        default -> markers.next(owner, name);
      };
    }
    if ((type == int.class || type == Integer.class) && name.equals("statusCode")) {
      return 200;
    }
    if (type == boolean.class || type == Boolean.class) {
      return false;
    }
    if (type == int.class || type == Integer.class) {
      return 1;
    }
    if (type == long.class || type == Long.class) {
      return 1L;
    }
    if (type == double.class || type == Double.class) {
      return 0.0;
    }
    if (type == float.class || type == Float.class) {
      return 0f;
    }
    if (type == short.class || type == Short.class) {
      return (short) 0;
    }
    if (type == byte.class || type == Byte.class) {
      return (byte) 0;
    }
    if (type == char.class || type == Character.class) {
      return 'x';
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type.isArray()) {
      if (type.getComponentType() == byte.class) {
        return markers.next(owner, name).getBytes(StandardCharsets.UTF_8);
      }
      return Array.newInstance(type.getComponentType(), 0);
    }
    if (List.class.isAssignableFrom(type) || type == Collection.class) {
      Type element = typeArgument(generic, 0);
      if (element == String.class) {
        return List.of(markers.next(owner, name));
      }
      if (element instanceof Class<?> c && (c.isRecord() || c.isEnum()) && depth < 3) {
        Object one = sample(owner, name, c, c, markers, depth + 1);
        return one == null ? List.of() : List.of(one);
      }
      return List.of();
    }
    if (Set.class.isAssignableFrom(type)) {
      Type element = typeArgument(generic, 0);
      return element == String.class ? Set.of(markers.next(owner, name)) : Set.of();
    }
    if (Map.class.isAssignableFrom(type)) {
      return new LinkedHashMap<>();
    }
    if (type == Optional.class) {
      return Optional.empty();
    }
    if (type == Instant.class) {
      return Instant.EPOCH;
    }
    if (type == OffsetDateTime.class) {
      return OffsetDateTime.parse("2026-01-01T00:00:00Z");
    }
    if (type == LocalDate.class) {
      return LocalDate.EPOCH;
    }
    if (type == Duration.class) {
      return Duration.ofSeconds(1);
    }
    if (type == URI.class) {
      return URI.create("https://portal.example.com/" + markers.next(owner, name));
    }
    if (type == Clock.class) {
      return Clock.systemUTC();
    }
    if (type == ObservationRegistry.class) {
      return ObservationRegistry.NOOP;
    }
    if (type == RetryPolicy.class) {
      return RetryPolicy.DEFAULT;
    }
    if (type == Sleeper.class) {
      return Sleeper.SYSTEM;
    }
    if (type == PortalTransport.class) {
      return JdkHttpTransport.create(Duration.ofSeconds(1));
    }
    if (type == TokenSource.class) {
      // the value behind a token source is a secret whatever the component is called
      String marker = markers.next(owner, name);
      markers.secrets.put(marker, typeName(owner) + "." + name + " (a token source's token)");
      return TokenSource.of(marker);
    }
    if (type == Headers.class) {
      String marker = markers.next(owner, name);
      markers.secrets.put(marker, typeName(owner) + "." + name + " (an Authorization header)");
      return Headers.builder().set("Authorization", "Bearer " + marker).build();
    }
    if (type == RequestBody.class) {
      return RequestBody.of(new byte[0], "application/json");
    }
    if (type == Endpoint.class) {
      return new Endpoint("sweep", "get", HttpMethod.GET, "/things/{id}", true, true);
    }
    if (type.isRecord() && depth < 3) {
      return build(type, markers, depth + 1);
    }
    return null;
  }

  private static @Nullable Type typeArgument(Type generic, int index) {
    return generic instanceof ParameterizedType parameterized
        ? parameterized.getActualTypeArguments()[index]
        : null;
  }

  static boolean looksSecret(String name) {
    String[] words =
        name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[_-]");
    if (ABOUT_A_SECRET.contains(words[words.length - 1]) && words.length > 1) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (SECRET_WORDS.contains(words[i]) && (i == 0 || !PLAIN_QUALIFIERS.contains(words[i - 1]))) {
        return true;
      }
    }
    return false;
  }

  private static boolean overridesToString(Class<?> type) {
    try {
      return type.getMethod("toString").getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean canHoldASecret(Class<?> type) {
    return type == String.class
        || type == char[].class
        || type == byte[].class
        || CharSequence.class.isAssignableFrom(type)
        || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type)
        || type == TokenSource.class
        || type == Headers.class
        || type == Headers.Builder.class;
  }

  private static boolean isThrowable(Class<?> type) {
    return Throwable.class.isAssignableFrom(type);
  }

  /** {@code Outer.Inner} for a nested type, the simple name otherwise. */
  private static String typeName(Class<?> type) {
    return type.getEnclosingClass() == null
        ? type.getSimpleName()
        : typeName(type.getEnclosingClass()) + "." + type.getSimpleName();
  }

  private static List<Class<?>> publicTypes() {
    List<Class<?>> types = new ArrayList<>();
    for (JavaClass javaClass :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.winwinmbs.portal.api")) {
      if (javaClass.isAnonymousClass()
          || javaClass.isLocalClass()
          || !javaClass.getModifiers().contains(JavaModifier.PUBLIC)) {
        continue;
      }
      Class<?> type = javaClass.reflect();
      if (isPublicAllTheWayOut(type)) {
        types.add(type);
      }
    }
    return types;
  }

  private static boolean isPublicAllTheWayOut(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  /** What the sweep must catch: a record printing its secret with the generated toString(). */
  public record LeakyFixture(String name, String clientSecret) {}

  /** What the sweep must accept: the same record, redacted. */
  public record RedactedFixture(String name, String clientSecret) {
    @Override
    public String toString() {
      return "RedactedFixture[name=" + name + ", clientSecret=[REDACTED]]";
    }
  }
}
