package com.winwinmbs.portal.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.winwinmbs.portal.api.test.MockPortal;
import com.winwinmbs.portal.generated.api.AuthApi;
import com.winwinmbs.portal.generated.api.HealthApi;
import com.winwinmbs.portal.generated.api.McpTokenApi;
import com.winwinmbs.portal.generated.api.UserApi;
import com.winwinmbs.portal.generated.client.ApiClient;
import com.winwinmbs.portal.generated.client.ApiException;
import com.winwinmbs.portal.generated.model.LoginRequest;
import com.winwinmbs.portal.generated.model.LoginResult;
import com.winwinmbs.portal.generated.model.SearchRequest;
import com.winwinmbs.portal.generated.model.UserSearch200Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client generated from the document by a standard generator (openapi-generator, {@code java}
 * with the {@code native} library, at {@code generate-sources} of this module) compiles and talks
 * to the mock portal: what others build from the document works.
 */
class GeneratedClientTests {

  private static MockPortal portal;

  @BeforeAll
  static void start() {
    portal = MockPortal.start();
  }

  @AfterAll
  static void stop() {
    portal.close();
  }

  @AfterEach
  void requestsKeptTheContract() {
    portal.assertNoContractViolations();
  }

  @Test
  void generatedClientSearchesUsersThroughTheEnvelope() throws ApiException {
    UserSearch200Response page =
        new UserApi(client(MockPortal.ACCESS_TOKEN))
            .userSearch(new SearchRequest().page(1).limit(20), null);

    assertThat(page.getSuccess()).isTrue();
    assertThat(page.getData()).hasSize(4).allSatisfy(user -> assertThat(user.getId()).isNotBlank());
    assertThat(page.getPagination().getTotal()).isEqualTo(4);
  }

  @Test
  void generatedClientReadsTheHealthReport() throws ApiException {
    assertThat(new HealthApi(client(MockPortal.ACCESS_TOKEN)).healthCheck().getData().getStatus())
        .isEqualTo("ok");
  }

  @Test
  void generatedClientSignsInAndUsesTheSessionTokenOnAGuideRoute() throws ApiException {
    LoginResult login =
        new AuthApi(client(null))
            .authLogin(
                new LoginRequest()
                    .email(MockPortal.USER_EMAIL)
                    .password(MockPortal.USER_PASSWORD)
                    .rememberMe(true));

    assertThat(login.getAccessToken()).isNotBlank();
    assertThat(new McpTokenApi(client(login.getAccessToken())).mcpTokenList(null).getTokens())
        .isNotEmpty();
  }

  @Test
  void generatedClientReportsAnUnknownIdAsNotFound() {
    assertThatExceptionOfType(ApiException.class)
        .isThrownBy(
            () -> new UserApi(client(MockPortal.ACCESS_TOKEN)).userFindById("usr_missing", null))
        .satisfies(e -> assertThat(e.getCode()).isEqualTo(404))
        .satisfies(e -> assertThat(e.getResponseBody()).contains("\"NOT_FOUND\""));
  }

  private static ApiClient client(String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(portal.baseUrl());
    client.setReadTimeout(Duration.ofSeconds(10));
    client.setConnectTimeout(Duration.ofSeconds(5));
    if (token != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }
    return client;
  }
}
