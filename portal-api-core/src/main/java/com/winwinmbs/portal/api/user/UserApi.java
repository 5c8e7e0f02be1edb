package com.winwinmbs.portal.api.user;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code user} namespace ({@code /users}): search, read, create, change and delete user
 * accounts, and set their roles and positions. Obtained from {@code PortalApiClient.user()}.
 *
 * <pre>{@code
 * Page<User> page = portal.user().search(SearchRequest.builder()
 *     .page(1)
 *     .limit(20)
 *     .filter("status", List.of("active"))
 *     .sort("created_at", SortOrder.DESC)
 *     .build());
 * try (Stream<User> everyone = portal.user().searchAll(SearchRequest.all())) {
 *   everyone.forEach(user -> ...);
 * }
 * }</pre>
 */
public interface UserApi {

  /**
   * A view of this namespace whose every call, each page of a lazy {@code searchAll} included,
   * sends these options, laid over the ones this view already has ({@link
   * RequestOptions#with(RequestOptions)}).
   */
  UserApi withOptions(RequestOptions options);

  /** One page of the users matching the criteria ({@code POST /users/search}). */
  Page<User> search(SearchRequest request);

  /**
   * Every user matching the criteria, from the request's page on (page 1 when unset); each page is
   * fetched when the stream reaches it.
   */
  Stream<User> searchAll(SearchRequest request);

  /**
   * The user with this id ({@code GET /users/{id}}); a missing user is a {@code NotFoundException}.
   */
  User findById(String id);

  /**
   * Creates a user account ({@code POST /users}) and returns it as stored. Not retried after a 5xx
   * or an I/O failure unless the call carries an idempotency key.
   */
  User create(UserCreateRequest request);

  /**
   * Changes the fields set in the request ({@code PUT /users/{id}}) and returns the user as stored.
   */
  User update(String id, UserUpdateRequest request);

  /** Deletes the user ({@code DELETE /users/{id}}). */
  void delete(String id);

  /**
   * Replaces the user's roles with exactly these ({@code PUT /users/{id}/roles}, body {@code
   * {role_ids}}); an empty list removes every role. Returns the user as stored.
   */
  User setRoles(String id, List<String> roleIds);

  /**
   * Replaces the user's positions with exactly these ({@code PUT /users/{id}/positions}, body
   * {@code {positions}}); an empty list removes every position. Returns the user as stored.
   */
  User setPositions(String id, List<UserPositionAssignment> positions);
}
