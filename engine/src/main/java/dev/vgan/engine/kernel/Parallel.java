package dev.vgan.engine.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's one thread pool. Work is split into contiguous ranges of the output, so every output
 * element is computed by exactly the same arithmetic whatever the thread count: results do not
 * depend on {@link #threads()}.
 *
 * <p>Calls made from inside a pool task run inline, so nested parallel kernels cannot deadlock.
 */
public final class Parallel {
  /** A task over the half-open range {@code [start, end)}. */
  @FunctionalInterface
  public interface RangeTask {
    /** Runs the work for indices {@code start} (inclusive) to {@code end} (exclusive). */
    void run(int start, int end);
  }

  private static final ThreadLocal<Boolean> IN_POOL = ThreadLocal.withInitial(() -> false);
  private static final AtomicInteger THREAD_IDS = new AtomicInteger();
  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread t =
                new Thread(
                    () -> {
                      IN_POOL.set(true);
                      runnable.run();
                    },
                    "vgan-worker-" + THREAD_IDS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private static volatile int threads = EngineProperties.THREADS;

  private Parallel() {}

  /** The number of threads parallel kernels use (the caller's thread included). */
  public static int threads() {
    return threads;
  }

  /** Sets the number of threads parallel kernels use; at least 1. */
  public static void setThreads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + count);
    }
    threads = count;
  }

  /**
   * Splits {@code [0, n)} into at most {@code maxTasks} contiguous chunks whose boundaries are
   * multiples of {@code grain} (except the end), runs them on the pool and the calling thread, and
   * returns when all are done. Exceptions from any chunk are rethrown.
   */
  public static void forRange(int n, int grain, int maxTasks, RangeTask task) {
    int units = (n + grain - 1) / grain;
    int tasks = Math.min(Math.min(maxTasks, threads), units);
    if (tasks <= 1 || IN_POOL.get()) {
      task.run(0, n);
      return;
    }
    List<Future<?>> pending = new ArrayList<>(tasks - 1);
    for (int t = 1; t < tasks; t++) {
      int start = Math.min(n, (int) ((long) units * t / tasks) * grain);
      int end = Math.min(n, (int) ((long) units * (t + 1) / tasks) * grain);
      pending.add(POOL.submit(() -> task.run(start, end)));
    }
    Throwable failure = null;
    try {
      task.run(0, Math.min(n, (int) ((long) units / tasks) * grain));
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (ExecutionException e) {
        failure = failure == null ? e.getCause() : failure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = failure == null ? e : failure;
      }
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    } else if (failure instanceof Error err) {
      throw err;
    } else if (failure != null) {
      throw new IllegalStateException("parallel task interrupted", failure);
    }
  }
}
