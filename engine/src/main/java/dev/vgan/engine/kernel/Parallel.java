package dev.vgan.engine.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's one thread pool. Work is split into contiguous ranges of the output, so every output
 * element is computed by exactly the same arithmetic whatever the thread count: results do not depend on
 * {@link #threads()}.
 *
 * <p>Workers spin briefly before parking, and the caller spins while it waits, as OpenMP runtimes do: a
 * training step issues thousands of parallel kernels of 0.1–1 ms each, and waking a parked thread costs
 * tens of microseconds on a virtual machine (measured: a 256³ GEMM on 2 threads ran at 0.58× OpenBLAS
 * with a parking executor). They spin for {@link EngineProperties#SPIN_MICROS} (2 ms): a training step's
 * serial stretches (batch norm's small passes, autograd) often outlast 0.1 ms, and with a 0.1 ms spin the
 * W2 step at batch 64 made 2.5 times the futex calls and took 10–25% longer. Calls made from inside a
 * pool task, or while another thread holds the pool, run inline on the caller, so nested or concurrent
 * parallel kernels cannot deadlock.
 */
public final class Parallel {
  /** A task over one chunk of a dynamically scheduled loop. */
  @FunctionalInterface
  public interface ChunkTask {
    /** Runs chunk {@code chunk}. */
    void run(int chunk);
  }

  /** A task over the half-open range {@code [start, end)}. */
  @FunctionalInterface
  public interface RangeTask {
    /** Runs the work for indices {@code start} (inclusive) to {@code end} (exclusive). */
    void run(int start, int end);
  }

  /** How long an idle worker, or a waiting caller, spins before it parks ({@code engine.spinMicros}). */
  private static final long SPIN_NANOS = EngineProperties.SPIN_MICROS * 1000L;
  private static final ThreadLocal<Boolean> IN_POOL = ThreadLocal.withInitial(() -> false);
  private static final ReentrantLock POOL = new ReentrantLock();
  private static Worker[] workers = new Worker[0]; // guarded by POOL
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
   * returns when all are done. The first exception thrown by any chunk is rethrown.
   */
  public static void forRange(int n, int grain, int maxTasks, RangeTask task) {
    int units = (n + grain - 1) / grain;
    int tasks = Math.min(Math.min(maxTasks, threads), units);
    // The lock is reentrant, so a nested call on the caller's own thread must be caught explicitly.
    if (tasks <= 1 || IN_POOL.get() || POOL.isHeldByCurrentThread() || !POOL.tryLock()) {
      task.run(0, n);
      return;
    }
    try {
      Worker[] pool = workers(tasks - 1);
      Batch batch = new Batch(task, tasks - 1, Thread.currentThread());
      for (int t = 1; t < tasks; t++) {
        pool[t - 1].post(batch, chunkStart(t, tasks, units, grain, n), chunkStart(t + 1, tasks, units, grain, n));
      }
      try {
        task.run(0, chunkStart(1, tasks, units, grain, n));
      } catch (RuntimeException | Error e) {
        batch.fail(e);
      }
      batch.await();
      batch.rethrow();
    } finally {
      POOL.unlock();
    }
  }

  /**
   * Runs chunks {@code 0 .. chunks-1} on up to {@code maxTasks} threads, each thread taking the next
   * unclaimed chunk until none is left, so a slow core costs only its share. Which thread runs a chunk
   * varies from run to run; callers keep results thread-independent by making each chunk's work depend
   * on the chunk index alone.
   */
  public static void forChunks(int chunks, int maxTasks, ChunkTask task) {
    AtomicInteger next = new AtomicInteger();
    forRange(Math.min(chunks, maxTasks), 1, maxTasks, (s, e) -> {
      for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        task.run(c);
      }
    });
  }

  private static int chunkStart(int t, int tasks, int units, int grain, int n) {
    return Math.min(n, (int) ((long) units * t / tasks) * grain);
  }

  private static Worker[] workers(int count) {
    if (workers.length < count) {
      Worker[] grown = java.util.Arrays.copyOf(workers, count);
      for (int i = workers.length; i < count; i++) {
        grown[i] = new Worker(i + 1);
        grown[i].start();
      }
      workers = grown;
    }
    return workers;
  }

  /** One parallel call: the task, how many worker chunks are outstanding, and the first failure. */
  private static final class Batch {
    final RangeTask task;
    final AtomicInteger pending;
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final Thread caller;

    Batch(RangeTask task, int chunks, Thread caller) {
      this.task = task;
      this.pending = new AtomicInteger(chunks);
      this.caller = caller;
    }

    void fail(Throwable t) {
      failure.compareAndSet(null, t);
    }

    void done() {
      if (pending.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }

    void await() {
      long deadline = System.nanoTime() + SPIN_NANOS;
      while (pending.get() != 0) {
        if (System.nanoTime() < deadline) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
    }

    void rethrow() {
      Throwable t = failure.get();
      if (t instanceof RuntimeException r) {
        throw r;
      } else if (t instanceof Error e) {
        throw e;
      } else if (t != null) {
        throw new IllegalStateException("parallel task failed", t);
      }
    }
  }

  /** A daemon thread that runs posted chunks, spinning briefly between them. */
  private static final class Worker extends Thread {
    private volatile Batch batch;
    private int start, end; // published by the volatile write of batch

    Worker(int id) {
      super("vgan-worker-" + id);
      setDaemon(true);
    }

    void post(Batch b, int s, int e) {
      start = s;
      end = e;
      batch = b;
      LockSupport.unpark(this);
    }

    @Override
    public void run() {
      IN_POOL.set(true);
      while (true) {
        Batch b = awaitWork();
        try {
          b.task.run(start, end);
        } catch (Throwable t) {
          b.fail(t);
        } finally {
          batch = null;
          b.done();
        }
      }
    }

    private Batch awaitWork() {
      long deadline = System.nanoTime() + SPIN_NANOS;
      while (true) {
        Batch b = batch;
        if (b != null) {
          return b;
        }
        if (System.nanoTime() < deadline) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
    }
  }
}
