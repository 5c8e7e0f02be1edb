package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.testing.TestClients;
import org.junit.jupiter.api.Test;

/** A portal route answered without its {@code {success, data}} envelope says exactly that. */
@WireMockTest
class EnvelopeShapeTests {

  @Test
  void aRecordWithoutTheEnvelopeIsADecodeErrorThatSaysTheEnvelopeIsMissing(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/users/usr_1")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"usr_1\",\"email\":\"a@b.c\"}")));

    assertThatExceptionOfType(PortalApiException.class)
        .isThrownBy(() -> TestClients.client(wm).user().findById("usr_1"))
        .withMessageContaining("is not the portal's {success, data} envelope")
        .withMessageContaining("it has no 'success' field")
        .withMessageNotContaining("success=false")
        .satisfies(e -> assertThat(e.code()).isEqualTo("DECODE_ERROR"));
  }

  @Test
  void aPageWithoutTheEnvelopeSaysSoToo(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            com.github.tomakehurst.wiremock.client.WireMock.post("/users/search")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[]}")));

    assertThatExceptionOfType(PortalApiException.class)
        .isThrownBy(() -> TestClients.client(wm).user().search(SearchRequest.all()))
        .withMessageContaining("is not the portal's {success, data} envelope");
  }
}
