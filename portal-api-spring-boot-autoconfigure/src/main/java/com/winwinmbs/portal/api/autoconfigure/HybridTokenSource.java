package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.TokenSource;
import java.util.Optional;

/**
 * The user's token while the current thread serves a user's request, the machine token otherwise
 * (scheduled jobs, startup, message listeners). Only the machine token is refreshed after a 401.
 *
 * <p>"Otherwise" includes work a user request hands to another thread without propagating the
 * security context: it runs with the machine's rights, so propagate the context (Spring Security's
 * {@code DelegatingSecurityContextExecutor}) where the user's rights must apply.
 */
final class HybridTokenSource implements TokenSource {

  private final TokenSource user;

  private final TokenSource machine;

  HybridTokenSource(TokenSource user, TokenSource machine) {
    this.user = user;
    this.machine = machine;
  }

  @Override
  public Optional<String> token() {
    Optional<String> token = this.user.token();
    return token.isPresent() ? token : this.machine.token();
  }

  /**
   * Asked on the thread that sent the rejected request, so "no user here" means the machine token
   * was sent.
   */
  @Override
  public boolean canRefresh() {
    return this.user.token().isEmpty() && this.machine.canRefresh();
  }

  /**
   * The machine source forgets the token only if it is its own, so a rejected user token changes
   * nothing.
   */
  @Override
  public void invalidate(String rejectedToken) {
    this.machine.invalidate(rejectedToken);
  }

  @Override
  public String toString() {
    return "HybridTokenSource[user=" + this.user + ", machine=" + this.machine + "]";
  }
}
