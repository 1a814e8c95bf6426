package dev.vgan.engine.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.kernel.GemmLeft;
import dev.vgan.engine.kernel.GemmTileSink;
import dev.vgan.engine.kernel.Parallel;
import dev.vgan.engine.kernel.ScalarBackend;
import dev.vgan.engine.testing.Fixtures;
import dev.vgan.engine.testing.GemmOracle;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimdSgemmTest {
  private final SimdBackend simd = SimdBackend.INSTANCE;

  static Stream<Arguments> shapes() {
    // Odd sizes, sizes under one vector, ragged tiles in every direction, shapes that cross the slab and
    // chunk edges (k = 1100 and 2100 > KC, m = 101 > four strips), and more columns than one panel (n = 777
    // over two slabs, 1030 over one: A packed whole, once, instead of strip by strip).
    int[][] mnk = {{1, 1, 1}, {3, 7, 1}, {1, 17, 3}, {7, 3, 17}, {13, 31, 7}, {17, 65, 13}, {65, 17, 257},
        {12, 32, 5}, {24, 64, 9}, {101, 33, 513}, {257, 7, 31}, {5, 257, 65}, {29, 777, 1100}, {50, 1030, 40},
        {50, 1030, 300}, {27, 70, 2100},
        // A few rows (the unpacked small-m path): ragged blocks of C and k past a vector pair.
        {2, 1030, 37}, {4, 513, 100}, {1, 1500, 6}, {3, 40, 1},
        // A few columns (computed transposed) and shallow products (row groups of a few rows), ragged.
        {37, 1, 600}, {70, 3, 9}, {9, 4, 40}, {70, 300, 1}, {13, 1030, 3}, {6, 9, 4}};
    Stream.Builder<Arguments> out = Stream.builder();
    for (int[] s : mnk) {
      for (int t = 0; t < 4; t++) {
        out.add(Arguments.of(t >= 2, t % 2 == 1, s[0], s[1], s[2]));
      }
    }
    return out.build();
  }

  @ParameterizedTest(name = "transA={0} transB={1} m={2} n={3} k={4}")
  @MethodSource("shapes")
  void simdMatchesDoubleOracleAndScalarTwinOnOddSizes(boolean transA, boolean transB, int m, int n, int k) {
    Random rng = new Random(31L * m + 17L * n + k);
    GemmOracle.Case c = GemmOracle.randomCase(rng, transA, transB, m, n, k, 1.25f, -0.5f);
    c.run(simd).assertMatchesOracle("simd sgemm");
    float[] simdResult = c.result();
    float[] scalarResult = c.run(ScalarBackend.INSTANCE).result();
    // Both lie within the oracle's bound (|a|, |b|, |c| ≤ 1 here), so within twice it of each other.
    double bound = (k + 2) * Fixtures.FLOAT_EPS * (1.25 * k + 0.5);
    Fixtures.assertClose("simd vs scalar", scalarResult, simdResult, 2 * bound);
  }

  @ParameterizedTest(name = "transA={0} transB={1} m={2} n={3} k={4}")
  @MethodSource("shapes")
  void preparedLeftOperandGivesThePlainBits(boolean transA, boolean transB, int m, int n, int k) {
    Random rng = new Random(7L * m + 5L * n + k);
    GemmOracle.Case c = GemmOracle.randomCase(rng, transA, transB, m, n, k, 1.25f, -0.5f);
    float[] plain = c.run(simd).result();
    float[] prepared = c.c0.clone();
    GemmLeft left = simd.prepareLeft(transA, m, k, c.a, c.aOff, c.lda);
    simd.sgemm(left, transB, n, c.alpha, c.b, c.bOff, c.ldb, c.beta, prepared, c.cOff, c.ldc);
    assertArrayEquals(plain, prepared, "prepared A must give the bits of A passed plainly");
  }

  @ParameterizedTest(name = "transA={0} m={2} n={3} k={4}")
  @MethodSource("shapes")
  void gatheredRightOperandGivesTheBitsOfTheMatrixItGathers(boolean transA, boolean transB, int m, int n, int k) {
    if (transB) {
      return;                                   // B is gathered, never transposed: the shapes once each
    }
    Random rng = new Random(13L * m + 3L * n + k);
    GemmOracle.Case c = GemmOracle.randomCase(rng, transA, false, m, n, k, 1.25f, -0.5f);
    // Tables as im2col's: rows and columns that overlap and repeat, anywhere in a source larger than B.
    float[] source = Fixtures.uniform(rng, 3 * n + 2 * k + 64);
    int[] rows = new int[k], cols = new int[n];
    for (int p = 0; p < k; p++) {
      rows[p] = rng.nextInt(2 * k + 32);
    }
    for (int j = 0; j < n; j++) {
      cols[j] = rng.nextInt(3 * n + 32);
    }
    float[] matrix = new float[k * n];
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        matrix[p * n + j] = source[rows[p] + cols[j]];
      }
    }
    for (var backend : new dev.vgan.engine.kernel.KernelBackend[] {simd, ScalarBackend.INSTANCE}) {
      for (boolean prepare : new boolean[] {false, true}) {
        GemmLeft left = prepare ? backend.prepareLeft(transA, m, k, c.a, c.aOff, c.lda)
            : GemmLeft.unprepared(transA, m, k, c.a, c.aOff, c.lda);
        float[] plain = c.c0.clone(), gathered = c.c0.clone();
        backend.sgemm(left, false, n, c.alpha, matrix, 0, n, c.beta, plain, c.cOff, c.ldc);
        backend.sgemmGathered(left, n, c.alpha, source, rows, cols, c.beta, gathered, c.cOff, c.ldc);
        assertArrayEquals(plain, gathered, backend.name() + (prepare ? " prepared" : " unprepared")
            + ": the gathered B must give the bits of the matrix it gathers");
      }
    }
  }

  @Test
  void preparedLeftOperandHandsTheSameTilesToASink() {
    Random rng = new Random(9);
    // One slab (tiles come from registers); a transposed A as PhaseCol2im's weight; several panels and one.
    for (int n : new int[] {70, 1030}) {
      GemmOracle.Case c = GemmOracle.randomCase(rng, true, false, 101, n, 300, 1f, 0f);
      float[] plain = new float[101 * n], prepared = new float[101 * n];
      simd.sgemmTiles(true, false, 101, n, 300, c.a, c.aOff, c.lda, c.b, c.bOff, c.ldb, 1, intoMatrix(plain, n));
      simd.sgemmTiles(simd.prepareLeft(true, 101, 300, c.a, c.aOff, c.lda), false, n, c.b, c.bOff, c.ldb, 1,
          intoMatrix(prepared, n));
      assertArrayEquals(plain, prepared, "n = " + n + ": prepared A must hand over the plain tiles' bits");
    }
  }

  private static GemmTileSink intoMatrix(float[] out, int ldOut) {
    return (tile, t, ld, row, rows, col, cols) -> {
      for (int r = 0; r < rows; r++) {
        System.arraycopy(tile, t + r * ld, out, (row + r) * ldOut + col, cols);
      }
    };
  }

  @Test
  void oneSlabPanelIsTheTunedOneFromOneMegabyteOfL2AndAShareOfLess() {
    assertEquals(128 * 1024, SimdSgemm.oneSlabPanelFloats(1 << 20));
    assertEquals(128 * 1024, SimdSgemm.oneSlabPanelFloats(2 << 20));
    assertEquals(48 * 1024, SimdSgemm.oneSlabPanelFloats(512 << 10));
    assertEquals(SimdMicroKernel.NR * SimdSgemm.KC, SimdSgemm.oneSlabPanelFloats(16 << 10), "one strip at least");
  }

  /**
   * beta = 0 never reads C, on the blocked path and on each unpacked one (a few rows, a few columns, a
   * shallow product): a backward pass hands a first gradient contribution recycled storage with beta = 0.
   */
  @Test
  void betaZeroOverwritesNaNAndAlphaScales() {
    Random rng = new Random(5);
    int[][] shapes = {{29, 37, 19}, {3, 37, 19}, {29, 3, 19}, {29, 37, 3}, {1, 100, 300}, {64, 100, 1200}};
    for (int[] mnk : shapes) {
      for (boolean transA : new boolean[] {false, true}) {
        GemmOracle.Case c = GemmOracle.randomCase(rng, transA, false, mnk[0], mnk[1], mnk[2], -2f, 0f);
        java.util.Arrays.fill(c.c0, Float.NaN);
        c.run(simd).assertMatchesOracle("beta=0 over NaN, " + java.util.Arrays.toString(mnk) + " transA " + transA);
      }
    }
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    Random rng = new Random(11);
    int saved = Parallel.threads();
    try {
      for (int form = 0; form < 4; form++) {
        // n = 803: A packed whole, its strips shared out between the threads.
        GemmOracle.Case c = GemmOracle.randomCase(rng, form >= 2, form % 2 == 1, 301, form < 2 ? 203 : 803, 600, 1f,
            1f);
        Parallel.setThreads(1);
        float[] one = c.run(simd).result();
        Parallel.setThreads(2);
        float[] two = c.run(simd).result();
        Parallel.setThreads(3);
        float[] three = c.run(simd).result();
        assertArrayEquals(one, two, "1 vs 2 threads must agree bit for bit");
        assertArrayEquals(one, three, "1 vs 3 threads must agree bit for bit");
        c.assertMatchesOracle("threaded");
      }
      // Five panels over two slabs: on 2 threads each takes whole panels with its own B̃, on 3 they share
      // each panel; both must give the one-thread bits.
      GemmOracle.Case panels = GemmOracle.randomCase(rng, false, false, 101, 1900, 1100, 1f, 0.5f);
      Parallel.setThreads(1);
      float[] onePanels = panels.run(simd).result();
      for (int threads : new int[] {2, 3}) {
        Parallel.setThreads(threads);
        assertArrayEquals(onePanels, panels.run(simd).result(), "1 vs " + threads + " threads, five panels");
      }
      panels.assertMatchesOracle("five panels");
      // Deep products with a small C (Linear's dx, SeFa's AᵀA): the threads take whole slabs, merged in order.
      for (int form = 0; form < 4; form++) {
        GemmOracle.Case deep = GemmOracle.randomCase(rng, form >= 2, form % 2 == 1, 61, 97, 4000, 0.75f, 0.5f);
        Parallel.setThreads(1);
        float[] oneDeep = deep.run(simd).result();
        for (int threads : new int[] {2, 3}) {
          Parallel.setThreads(threads);
          assertArrayEquals(oneDeep, deep.run(simd).result(), "1 vs " + threads + " threads, four slabs, form " + form);
        }
        deep.assertMatchesOracle("four slabs, form " + form);
      }
      // Batch-sized m (the small-m path), columns split over threads.
      for (boolean transB : new boolean[] {false, true}) {
        GemmOracle.Case small = GemmOracle.randomCase(rng, true, transB, 3, 5000, 100, 1f, 0.5f);
        Parallel.setThreads(1);
        float[] one = small.run(simd).result();
        Parallel.setThreads(2);
        assertArrayEquals(one, small.run(simd).result(), "small m: 1 vs 2 threads must agree bit for bit");
      }
      // A Linear with one output (few columns) and its input gradient (an outer product), as in W2's D.
      for (int[] mnk : new int[][] {{64, 1, 6272}, {64, 6272, 1}}) {
        GemmOracle.Case head = GemmOracle.randomCase(rng, false, mnk[1] == 1, mnk[0], mnk[1], mnk[2], 1f, 1f);
        Parallel.setThreads(1);
        float[] oneHead = head.run(simd).result();
        Parallel.setThreads(2);
        assertArrayEquals(oneHead, head.run(simd).result(), mnk[0] + "x" + mnk[1] + "x" + mnk[2] + ": 1 vs 2 threads");
        head.assertMatchesOracle("few columns / shallow");
      }
      // Few rows, many columns: the column split path.
      GemmOracle.Case wide = GemmOracle.randomCase(rng, false, false, 13, 1500, 300, 1f, 0f);
      Parallel.setThreads(1);
      float[] one = wide.run(simd).result();
      Parallel.setThreads(2);
      assertArrayEquals(one, wide.run(simd).result(), "column split must agree bit for bit");
      wide.assertMatchesOracle("column split");
    } finally {
      Parallel.setThreads(saved);
    }
  }
}
