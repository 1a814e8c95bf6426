package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void everyIndexIsVisitedExactlyOnceInGrainAlignedChunks() {
    int saved = Parallel.threads();
    try {
      for (int threads : new int[] {1, 2, 3, 5}) {
        Parallel.setThreads(threads);
        for (int n : new int[] {0, 1, 11, 12, 13, 100, 1001}) {
          AtomicIntegerArray hits = new AtomicIntegerArray(n);
          Parallel.forRange(n, 12, 16, (s, e) -> {
            if (s % 12 != 0) {
              throw new AssertionError("chunk start " + s + " not grain-aligned");
            }
            for (int i = s; i < e; i++) {
              hits.incrementAndGet(i);
            }
          });
          int[] expected = new int[n];
          java.util.Arrays.fill(expected, 1);
          int[] got = new int[n];
          for (int i = 0; i < n; i++) {
            got[i] = hits.get(i);
          }
          assertArrayEquals(expected, got, "threads=" + threads + " n=" + n);
        }
      }
    } finally {
      Parallel.setThreads(saved);
    }
  }

  @Test
  void exceptionsFromWorkersReachTheCaller() {
    int saved = Parallel.threads();
    try {
      Parallel.setThreads(2);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(100, 1, 2,
          (s, end) -> {
            if (s > 0) {
              throw new IllegalStateException("boom at " + s);
            }
          }));
      assertEquals("boom at 50", e.getMessage());
    } finally {
      Parallel.setThreads(saved);
    }
  }

  @Test
  void nestedCallsRunInlineWithoutDeadlock() {
    int saved = Parallel.threads();
    try {
      Parallel.setThreads(2);
      AtomicInteger total = new AtomicInteger();
      Parallel.forRange(4, 1, 4, (s, e) -> Parallel.forRange(10, 1, 4, (s2, e2) -> total.addAndGet(e2 - s2)));
      assertEquals(20, total.get());
    } finally {
      Parallel.setThreads(saved);
    }
  }

  @Test
  void concurrentCallersFromSeveralThreadsAllComplete() throws Exception {
    int saved = Parallel.threads();
    try {
      Parallel.setThreads(2);
      AtomicInteger total = new AtomicInteger();
      Thread[] callers = new Thread[4];
      for (int c = 0; c < callers.length; c++) {
        callers[c] = new Thread(() -> {
          for (int rep = 0; rep < 200; rep++) {
            Parallel.forRange(64, 1, 2, (s, e) -> total.addAndGet(e - s));
          }
        });
        callers[c].start();
      }
      for (Thread t : callers) {
        t.join(30_000);
      }
      assertEquals(4 * 200 * 64, total.get());
    } finally {
      Parallel.setThreads(saved);
    }
  }

  @Test
  void dynamicChunksRunEachChunkExactlyOnce() {
    int saved = Parallel.threads();
    try {
      for (int threads : new int[] {1, 2, 3}) {
        Parallel.setThreads(threads);
        for (int chunks : new int[] {0, 1, 2, 7, 100}) {
          AtomicIntegerArray hits = new AtomicIntegerArray(chunks);
          Parallel.forChunks(chunks, 4, hits::incrementAndGet);
          for (int c = 0; c < chunks; c++) {
            assertEquals(1, hits.get(c), "threads=" + threads + " chunk " + c + " of " + chunks);
          }
        }
      }
      Parallel.setThreads(2);
      assertThrows(IllegalStateException.class, () -> Parallel.forChunks(10, 2, c -> {
        if (c == 7) {
          throw new IllegalStateException("chunk 7");
        }
      }));
    } finally {
      Parallel.setThreads(saved);
    }
  }

  @Test
  void rejectsZeroThreads() {
    assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
  }
}
