package com.winwinmbs.portal.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * The body of a JDK {@code HttpClient} response as an {@link InputStream} whose reads can be
 * interrupted: an interrupted read closes the body and throws {@link InterruptedIOException} with
 * the thread's interrupt flag kept. The JDK's own {@code BodyHandlers.ofInputStream()} on JDK 17
 * swallows the interrupt and goes on waiting. At most a few chunks are held ahead of the reader.
 *
 * <p>It subscribes to the publisher of {@code BodyHandlers.ofPublisher()} rather than being a body
 * subscriber itself: the JDK hands a body subscriber of its own making its response on the thread
 * that read the headers, but one from outside the JDK on a thread of the client's executor (it
 * might block), and that hand-off between threads costs more than the rest of a small call.
 *
 * <pre>{@code
 * HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = client.send(request, ofPublisher());
 * InterruptibleBody body = new InterruptibleBody();
 * response.body().subscribe(body);
 * InputStream in = body.stream();
 * }</pre>
 */
final class InterruptibleBody implements Flow.Subscriber<List<ByteBuffer>> {

  /** Chunks requested ahead of the reader: enough to keep the connection busy, bounded in size. */
  private static final int AHEAD = 4;

  private static final Object END = new Object();

  /** Wakes a read blocked on the queue when another thread closes the body (a deadline). */
  private static final Object CLOSED = new Object();

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Stream stream = new Stream();
  private volatile Flow.@Nullable Subscription subscription;

  /** The body as it arrives; close it to cancel the rest. */
  InputStream stream() {
    return stream;
  }

  /** Cancels the body, from any thread; a read blocked on it fails. */
  void close() {
    stream.close();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (stream.closed) {
      subscription.cancel();
    } else {
      subscription.request(AHEAD);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    queue.add(throwable);
  }

  @Override
  public void onComplete() {
    queue.add(END);
  }

  /** The reader's side: one thread reads, any thread may close. */
  private final class Stream extends InputStream {
    private @Nullable Iterator<ByteBuffer> chunk;
    private @Nullable ByteBuffer current;
    private boolean ended;
    private int taken; // chunks taken since demand was last added
    volatile boolean closed;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      ByteBuffer next = nextBuffer();
      if (next == null) {
        return -1;
      }
      int n = Math.min(length, next.remaining());
      next.get(buffer, offset, n);
      return n;
    }

    @Override
    public int available() {
      ByteBuffer buffer = current;
      return buffer == null ? 0 : buffer.remaining();
    }

    /** The buffer with bytes left to read, waiting for one; null at the end of the body. */
    private @Nullable ByteBuffer nextBuffer() throws IOException {
      while (true) {
        if (closed) {
          throw new IOException("the response body is closed");
        }
        if (current != null && current.hasRemaining()) {
          return current;
        }
        if (chunk != null && chunk.hasNext()) {
          current = chunk.next();
          continue;
        }
        if (ended) {
          return null;
        }
        Object item = take();
        if (item == CLOSED) {
          throw new IOException("the response body is closed");
        }
        if (item == END) {
          ended = true;
          return null;
        }
        if (item instanceof Throwable failure) {
          ended = true;
          throw failure instanceof IOException io ? io : new IOException(failure);
        }
        @SuppressWarnings("unchecked")
        List<ByteBuffer> buffers = (List<ByteBuffer>) item;
        chunk = buffers.iterator();
        Flow.Subscription s = subscription;
        if (s != null && ++taken == AHEAD / 2) {
          // more demand in batches, not per chunk: a small body never asks again, and asking
          // from this thread can make the JDK (25) hand the delivery to its executor
          taken = 0;
          s.request(AHEAD / 2);
        }
      }
    }

    private Object take() throws InterruptedIOException {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        InterruptedIOException interrupted =
            new InterruptedIOException("interrupted while reading the response body");
        interrupted.initCause(e);
        throw interrupted;
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      Flow.Subscription s = subscription;
      if (s != null && !ended) {
        s.cancel(); // a body not read to its end costs the connection
      }
      queue.clear();
      queue.add(CLOSED);
    }
  }
}
