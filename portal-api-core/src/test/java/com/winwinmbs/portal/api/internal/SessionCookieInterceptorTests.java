package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SessionCookieInterceptor} with a scripted end of the chain. */
class SessionCookieInterceptorTests {

  private final SessionCookieInterceptor link = new SessionCookieInterceptor();

  @Test
  void sendsTheSessionsCookiesAndKeepsTheOnesTheResponseSets() throws IOException {
    RecordingStore store = new RecordingStore("refresh=r-1");
    FakeChain chain =
        new FakeChain()
            .cookies(store)
            .thenRespond(200, "{}", "Set-Cookie", "refresh=r-2; HttpOnly", "Set-Cookie", "b=2");

    chain.run(link);

    assertThat(chain.received().get(0).headers().first("Cookie")).contains("refresh=r-1");
    assertThat(store.stored).containsExactly(List.of("refresh=r-2; HttpOnly", "b=2"));
  }

  @Test
  void theCallersOwnCookieComesFirst() throws IOException {
    FakeChain chain =
        new FakeChain().cookies(new RecordingStore("refresh=r-1")).thenRespond(200, "{}");

    chain.run(link, "Cookie", "theme=dark");

    assertThat(chain.received().get(0).headers().values("Cookie"))
        .containsExactly("theme=dark; refresh=r-1");
  }

  @Test
  void callsWithoutASessionPassUntouched() throws IOException {
    FakeChain chain = new FakeChain().thenRespond(200, "{}", "Set-Cookie", "a=1");

    chain.run(link);

    assertThat(chain.received().get(0).headers().first("Cookie")).isEmpty();
  }

  private static final class RecordingStore implements CookieStore {
    private final String header;
    final List<List<String>> stored = new ArrayList<>();

    RecordingStore(String header) {
      this.header = header;
    }

    @Override
    public Optional<String> header(URI uri) {
      return Optional.of(header);
    }

    @Override
    public void store(URI uri, List<String> setCookieHeaders) {
      stored.add(setCookieHeaders);
    }
  }
}
