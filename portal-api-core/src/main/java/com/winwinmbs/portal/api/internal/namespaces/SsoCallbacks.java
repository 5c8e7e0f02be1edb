package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.auth.SsoCallback;
import com.winwinmbs.portal.api.auth.SsoCallbackException;
import com.winwinmbs.portal.api.auth.SsoStateCheck;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads and checks the front end's SSO callback parameters: state, token and tenant. */
final class SsoCallbacks {

  private SsoCallbacks() {}

  static SsoCallback check(
      Map<String, List<String>> parameters, String expectedState, SsoStateCheck check) {
    Objects.requireNonNull(expectedState, "expectedState == null");
    Objects.requireNonNull(check, "check == null");
    if (expectedState.isBlank()) {
      throw new IllegalArgumentException(
          "expectedState must be the state ssoLoginUrl(...) returned, not blank");
    }
    for (String name : List.of("state", "token", "tenant")) {
      if (parameters.getOrDefault(name, List.of()).size() > 1) {
        throw new SsoCallbackException(
            SsoCallbackException.Reason.DUPLICATE_PARAMETER,
            "SSO callback refused: the parameter '" + name + "' appears more than once");
      }
    }
    String state = first(parameters, "state");
    if (state == null && check == SsoStateCheck.REQUIRED) {
      throw new SsoCallbackException(
          SsoCallbackException.Reason.MISSING_STATE,
          "SSO callback refused: it carries no state, but a state was issued (CSRF protection);"
              + " start the login again. If the portal never hands the state back, check the"
              + " callback with SsoStateCheck.IF_ECHOED");
    }
    if (state != null
        && !MessageDigest.isEqual(
            state.getBytes(StandardCharsets.UTF_8),
            expectedState.getBytes(StandardCharsets.UTF_8))) {
      throw new SsoCallbackException(
          SsoCallbackException.Reason.STATE_MISMATCH,
          "SSO callback refused: invalid state parameter (CSRF protection); it is not the state"
              + " issued for this login, so the callback may be forged or replayed");
    }
    String token = first(parameters, "token");
    String tenant = first(parameters, "tenant");
    if (token == null) {
      throw new SsoCallbackException(
          SsoCallbackException.Reason.MISSING_TOKEN,
          "SSO callback refused: missing token in callback");
    }
    if (tenant == null) {
      throw new SsoCallbackException(
          SsoCallbackException.Reason.MISSING_TENANT,
          "SSO callback refused: missing tenant in callback");
    }
    return new SsoCallback(token, tenant);
  }

  /** Decoded parameters as the URI parser gives them: each name with its values. */
  static Map<String, List<String>> single(Map<String, String> parameters) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            multi.put(name, List.of(value));
          }
        });
    return multi;
  }

  static Map<String, List<String>> parseQuery(@Nullable String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
    }
    return parameters;
  }

  private static @Nullable String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // a malformed escape: keep the text as sent, so it fails the checks rather than the parser
      return text;
    }
  }
}
