package com.winwinmbs.portal.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.winwinmbs.portal.api.test.MockPortal;
import com.winwinmbs.portal.api.test.PortInUseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The embedded mock portal starts only when no portal base URL is configured. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedMockPortalTests {

  @Test
  void configuredBaseUrlSwitchesTheMockOff() {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "test", Map.of("portal.api.base-url", "https://api.winwinmbs.com")));

      new EmbeddedMockPortal().initialize(context);

      assertThat(context.getBeanFactory().containsBean("mockPortal")).isFalse();
      assertThat(context.getEnvironment().getProperty("portal.api.base-url"))
          .isEqualTo("https://api.winwinmbs.com");
    }
  }

  @Test
  void withoutBaseUrlTheMockStartsAndStopsWithTheContext() {
    MockPortal portal;
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("test", Map.of("sample.mock-portal.port", "0")));

      new EmbeddedMockPortal().initialize(context);
      context.refresh();

      portal = context.getBean(MockPortal.class);
      assertThat(context.getEnvironment().getProperty("portal.api.base-url"))
          .isEqualTo(portal.baseUrl());
      assertThat(portal.wireMock().isRunning()).isTrue();
    }
    assertThat(portal.wireMock().isRunning()).isFalse();
  }

  @Test
  void aTakenPortStopsStartupWithOneLineThatSaysWhatToSetAndNoStackTrace(CapturedOutput output)
      throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(
              () ->
                  SpringApplication.run(
                      SampleApplication.class,
                      "--sample.mock-portal.port=" + port,
                      "--server.port=0"))
          .isInstanceOf(PortInUseException.class);

      assertThat(output)
          .contains(
              "The embedded mock portal could not start: port "
                  + port
                  + " is already in use; set sample.mock-portal.port to another port, or to 0 for"
                  + " a free one.")
          .doesNotContain("\tat ");
    }
  }
}
