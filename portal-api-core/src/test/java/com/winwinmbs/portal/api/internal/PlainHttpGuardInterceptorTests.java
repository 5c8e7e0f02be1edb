package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainHttpGuardInterceptor}: the request path adds it for a client on plain http to a host
 * that is not loopback; these requests go there.
 */
class PlainHttpGuardInterceptorTests {

  private final PlainHttpGuardInterceptor guard = new PlainHttpGuardInterceptor();
  private final FakeChain chain = new FakeChain().uri("http://portal.example.com/users/usr_1");

  @Test
  void aRequestWithACredentialHeaderIsRefusedUnsent() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> chain.run(guard, "Authorization", "Bearer secret-token-1"))
        .withMessageContaining("plain http to portal.example.com")
        .withMessageNotContaining("secret-token-1");
    assertThat(chain.received()).isEmpty();
  }

  @Test
  void aRequestWithACookieOrApiKeyIsRefusedUnsent() {
    assertThatIllegalArgumentException().isThrownBy(() -> chain.run(guard, "Cookie", "s=1"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> chain.run(guard, "X-API-Key", "key-123456"));
    assertThat(chain.received()).isEmpty();
  }

  @Test
  void aBodyCarryingASecretIsRefusedUnsent() {
    chain.secrets("hunter2-password");

    assertThatIllegalArgumentException().isThrownBy(() -> chain.run(guard));
    assertThat(chain.received()).isEmpty();
  }

  @Test
  void aRequestWithoutCredentialsGoesOut() throws IOException {
    chain.thenRespond(200, "{}");

    assertThat(chain.run(guard, "Accept", "application/json").status()).isEqualTo(200);
    assertThat(chain.received()).hasSize(1);
  }
}
