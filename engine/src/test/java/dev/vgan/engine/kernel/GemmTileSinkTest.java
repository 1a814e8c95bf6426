package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vgan.engine.kernel.simd.SimdBackend;
import dev.vgan.engine.testing.Fixtures;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link KernelBackend#sgemmTiles}: the product's bits, each element once, and the two order promises. */
class GemmTileSinkTest {
  /** Records when each element was handed over, and whether two calls of one row group overlapped. */
  private static final class Recorder implements GemmTileSink {
    final int n;
    final int rowGroup;
    final float[] product;
    final int[] order;
    final AtomicInteger clock = new AtomicInteger();
    final AtomicIntegerArray busy;
    volatile String overlap;

    Recorder(int m, int n, int rowGroup) {
      this.n = n;
      this.rowGroup = rowGroup;
      this.product = new float[m * n];
      this.order = new int[m * n];
      this.busy = new AtomicIntegerArray((m + rowGroup - 1) / rowGroup);
      java.util.Arrays.fill(order, -1);
    }

    @Override
    public void take(float[] tile, int tileOff, int ld, int row, int rows, int col, int cols) {
      int first = row / rowGroup, last = (row + rows - 1) / rowGroup;   // a tile may span groups
      for (int group = first; group <= last; group++) {
        if (!busy.compareAndSet(group, 0, 1)) {
          overlap = "two tiles of row group " + group + " at once";
        }
      }
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < cols; j++) {
          int at = (row + r) * n + col + j;
          if (order[at] >= 0) {
            fail("element (" + (row + r) + ", " + (col + j) + ") handed over twice");
          }
          product[at] = tile[tileOff + r * ld + j];
          order[at] = clock.getAndIncrement();
        }
      }
      for (int group = first; group <= last; group++) {
        busy.set(group, 0);
      }
    }
  }

  @Test
  void tilesCarryTheProductsBitsOnceEachInRowOrderWithinAGroup() {
    Random rng = new Random(8);
    // {m, n, k, rowGroup}: W2's ConvTranspose2d forward (rows per channel 16, one panel), several panels
    // (A packed whole), a ragged group (lcm(12, 9) = 36 rows per chunk), a few rows and two slabs (both
    // computed whole first), and more rows than columns.
    int[][] shapes = {{256, 448, 64, 16}, {100, 1900, 300, 16}, {90, 70, 33, 9}, {3, 50, 20, 1},
        {40, 60, 1100, 4}, {301, 31, 7, 1}};
    int saved = Parallel.threads();
    try {
      for (int[] s : shapes) {
        int m = s[0], n = s[1], depth = s[2], rowGroup = s[3];
        for (boolean transA : new boolean[] {false, true}) {
          float[] a = Fixtures.uniform(rng, m * depth), b = Fixtures.uniform(rng, depth * n);
          int lda = transA ? m : depth;
          for (KernelBackend k : new KernelBackend[] {ScalarBackend.INSTANCE, SimdBackend.INSTANCE}) {
            float[] c = new float[m * n];
            k.sgemm(transA, false, m, n, depth, 1f, a, 0, lda, b, 0, n, 0f, c, 0, n);
            for (int threads : new int[] {1, 2, 3}) {
              Parallel.setThreads(threads);
              String label = k.name() + " " + m + "×" + n + "×" + depth + " transA=" + transA + " on " + threads;
              Recorder sink = new Recorder(m, n, rowGroup);
              k.sgemmTiles(transA, false, m, n, depth, a, 0, lda, b, 0, n, rowGroup, sink);
              assertEquals(null, sink.overlap, label);
              Fixtures.assertClose(label, c, sink.product, 0);
              assertRowOrder(label, sink, m);
            }
          }
        }
      }
    } finally {
      Parallel.setThreads(saved);
    }
  }

  /**
   * Every element was handed over (order ≥ 0), and after every element of its group above it and at or
   * to the right of its column: {@code later[r][c]} is the latest such time over rows ≤ r and columns ≥ c.
   */
  private static void assertRowOrder(String label, Recorder sink, int m) {
    int n = sink.n;
    int[] latest = new int[m * n];
    for (int r = 0; r < m; r++) {
      boolean groupStart = r % sink.rowGroup == 0;
      for (int c = n - 1; c >= 0; c--) {
        int at = r * n + c, t = sink.order[at];
        assertTrue(t >= 0, label + ": element (" + r + ", " + c + ") never handed over");
        if (!groupStart && t < latest[at - n]) {
          fail(label + ": element (" + r + ", " + c + ") came before one above it at or right of its column");
        }
        int above = groupStart ? -1 : latest[at - n], right = c + 1 < n ? latest[at + 1] : -1;
        latest[at] = Math.max(t, Math.max(above, right));
      }
    }
  }
}
