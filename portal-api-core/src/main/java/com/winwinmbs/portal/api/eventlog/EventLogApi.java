package com.winwinmbs.portal.api.eventlog;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import java.util.stream.Stream;

/**
 * The {@code eventLog} namespace ({@code /event-logs/*}): search and read the portal's audit trail.
 * Obtained from {@code PortalApiClient.eventLog()}.
 *
 * <pre>{@code
 * Page<EventLog> logins = portal.eventLog().search(SearchRequest.builder()
 *     .filter("category", List.of(EventCategory.AUTHENTICATION.value()))
 *     .filter("actor_id", userId)
 *     .sort(Sort.desc("created_at"))
 *     .limit(50)
 *     .build());
 * }</pre>
 */
public interface EventLogApi {

  /**
   * A view of this namespace whose every call, each page of a lazy {@code searchAll} included,
   * sends these options, laid over the ones this view already has ({@link
   * RequestOptions#with(RequestOptions)}).
   */
  EventLogApi withOptions(RequestOptions options);

  /** One page of the audit entries matching the criteria ({@code POST /event-logs/search}). */
  Page<EventLog> search(SearchRequest request);

  /**
   * Every audit entry matching the criteria, from the request's page on (page 1 when unset); each
   * page is fetched when the stream reaches it, so an export of a long period holds one page in
   * memory at a time.
   */
  Stream<EventLog> searchAll(SearchRequest request);

  /**
   * The audit entry with this id ({@code GET /event-logs/{id}}); a missing one is a {@code
   * NotFoundException}.
   */
  EventLog findById(String id);
}
