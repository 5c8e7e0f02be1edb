package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.Page;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Lazy iteration over every page of a list result: page N+1 is fetched only when iteration reaches
 * it, iteration stops after the last page ({@code total_pages}) or an empty page, and only the
 * current page is held.
 */
public final class Paging {

  private Paging() {}

  /** Every item of every page from {@code firstPage} on, fetched as the stream is consumed. */
  public static <T> Stream<T> stream(int firstPage, IntFunction<Page<T>> fetch) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            iterator(firstPage, fetch), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Every item of every page from {@code firstPage} on, as an {@link Iterable} that starts over
   * each time.
   */
  public static <T> Iterable<T> iterable(int firstPage, IntFunction<Page<T>> fetch) {
    return () -> iterator(firstPage, fetch);
  }

  private static <T> Iterator<T> iterator(int firstPage, IntFunction<Page<T>> fetch) {
    if (firstPage < 1) {
      throw new IllegalArgumentException("page numbers start at 1: " + firstPage);
    }
    return new Iterator<>() {
      private int nextPage = firstPage;
      private @Nullable Iterator<T> items;
      private boolean last;

      @Override
      public boolean hasNext() {
        while (items == null || !items.hasNext()) {
          if (last) {
            return false;
          }
          Page<T> page = fetch.apply(nextPage);
          int number = page.pagination().page() > 0 ? page.pagination().page() : nextPage;
          nextPage = number + 1;
          last = page.items().isEmpty() || number >= page.pagination().totalPages();
          items = page.items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.next();
      }
    };
  }
}
