package com.winwinmbs.portal.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample application: with no {@code portal.api.base-url} it starts an embedded mock portal
 * ({@link EmbeddedMockPortal}); with one (the {@code real} profile) it talks to that portal.
 */
@SpringBootApplication
public class SampleApplication {

  /** Runs the sample. */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
