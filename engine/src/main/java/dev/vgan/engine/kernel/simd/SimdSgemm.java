package dev.vgan.engine.kernel.simd;

import static dev.vgan.engine.kernel.simd.SimdMicroKernel.MR;
import static dev.vgan.engine.kernel.simd.SimdMicroKernel.NR;

import dev.vgan.engine.kernel.Parallel;
import dev.vgan.engine.kernel.ScalarSgemm;
import dev.vgan.engine.kernel.Workspace;

/**
 * Packed, cache-blocked, multi-threaded SGEMM: {@code C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C},
 * row-major.
 *
 * <p>Threads: with at least two panels per thread, each thread takes whole panels dynamically and packs
 * their B̃ itself, into its own core's L2; with fewer, for each panel and slab the threads pack B̃ together,
 * then take chunks of 48 rows of C dynamically (either way a core slowed by a shared host costs only its
 * share). Every element of C is computed with
 * the same operations in the same order whichever thread computes it, so the result does not depend on
 * the thread count.
 *
 * <p>The blocked loops:
 * <pre>
 * for jc in n step panel       -- a panel of columns
 *   for pc in k step KC        -- B̃ = op(B)[pc.., jc..] packed (512 KB or 1 MB, in L2)
 *     for ir in m step MR      -- one strip of A, packed (MR × KC): here, or once for all panels when
 *                                 there are several (see {@link GemmOperandA})
 *       for jr in panel step NR  -- B̃ strips stream from L2 through the register tile
 * </pre>
 * The block sizes were measured, not derived (interleaved runs, one thread, 2026-12-02, AMD EPYC Zen 5: 48 KB
 * L1, 1 MB L2; GFLOP/s at m = n = k): a deep slab, KC = 1024, so that k ≤ 1024 needs one slab and C is
 * written once instead of read back per slab; and a B̃ of 512 KB for a single slab (panels 128 wide at
 * k = 1024) but 1 MB when there are several (256 wide at 1024). n = 1024: 200 against 169 for the earlier
 * KC = 512 with a 768 KB B̃ (panels 352 wide), 183 with 256-wide panels; n = 1000: 190 against 167; n = 2048:
 * 185 against 180, but 164 with 128-wide panels; n = 1280 and 1536 (two slabs): the wider panels no slower.
 * The A strip (48 KB) then streams through L1 from L2 beside B̃; an earlier Xeon session (48 KB L1, 2 MB
 * L2) had measured KC = 512 over 384 with one 768 KB budget.
 */
final class SimdSgemm {
  /** k-slab depth: most GEMMs (k ≤ 1024) then take one slab, so C is written once and never read back. */
  static final int KC = 1024;
  /**
   * B̃'s size in floats (512 KB) when k fits one slab; panels are as wide as that allows at the slab's depth,
   * rounded to a multiple of NR.
   */
  private static final int PANEL_FLOATS_ONE_SLAB = KC * 128;
  /** B̃'s size in floats (1 MB, an L2) when there are several slabs: wider panels measured faster there. */
  private static final int PANEL_FLOATS_SLABS = KC * 256;
  /**
   * Most B̃ strips a full strip of a transposed A is read in place for rather than packed: for a thin C
   * (SeFa's M·V, n = 23) packing would copy all of A for one or two tiles per strip.
   */
  private static final int IN_PLACE_MAX_STRIPS = 2;
  /** Rows per dynamically scheduled chunk: four A strips. */
  private static final int CHUNK_ROWS = 4 * MR;
  /** Below this many flops per task a thread costs more than it saves. */
  private static final long MIN_FLOPS_PER_TASK = 1L << 21;

  private SimdSgemm() {}

  static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    if (trivial(m, n, k, alpha, beta, c, cOff, ldc)) {
      return;
    }
    if (m <= SimdSmallM.MAX_ROWS) {
      // Few rows: bound by reading B, so threads pay off from the size of B rather than the flops.
      int readers = (int) Math.max(1, Math.min(Parallel.threads(), (long) n * k / SimdSmallM.MIN_B_PER_TASK));
      SimdSmallM.sgemm(transA, m, n, k, alpha, a, aOff, lda, transB, b, bOff, ldb, beta, c, cOff, ldc, readers);
      return;
    }
    blocked(new GemmOperandA(transA, a, aOff, lda, null), m, n, k, alpha, transB, b, bOff, ldb, null, beta, c,
        cOff, ldc);
  }

  /**
   * {@code C = alpha · A · op(B) + beta · C} where row i of A is {@code k} contiguous values from
   * {@code a[aRows[i]]}: see {@link dev.vgan.engine.kernel.KernelBackend#sgemmRowTableA}.
   */
  static void sgemmRowTableA(int m, int n, int k, float alpha, float[] a, int[] aRows, boolean transB,
      float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    blocked(new GemmOperandA(false, a, 0, 0, aRows), m, n, k, alpha, transB, b, bOff, ldb, null, beta, c, cOff, ldc);
  }

  /**
   * {@code C = alpha · A · B + beta · C} where row p of B is {@code n} contiguous values from
   * {@code b[bRows[p]]}: see {@link dev.vgan.engine.kernel.KernelBackend#sgemmRowTable}.
   */
  static void sgemmRowTable(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b,
      int[] bRows, float beta, float[] c, int cOff, int ldc) {
    blocked(new GemmOperandA(false, a, aOff, lda, null), m, n, k, alpha, false, b, 0, 0, bRows, beta, c, cOff, ldc);
  }

  /**
   * The blocked loops over panels, slabs and strips. B is a matrix, or when {@code bRows} is not null, rows
   * that start anywhere in {@code b}.
   */
  private static void blocked(GemmOperandA a, int m, int n, int k, float alpha, boolean transB, float[] b,
      int bOff, int ldb, int[] bRows, float beta, float[] c, int cOff, int ldc) {
    if (trivial(m, n, k, alpha, beta, c, cOff, ldc)) {
      return;
    }
    int tasks = (int) Math.max(1, Math.min(Parallel.threads(), 2L * m * n * k / MIN_FLOPS_PER_TASK));
    Workspace ws = Workspace.local();
    // Even slabs (k = 1100: two of 550, not 1024 + 76), since a thin last slab pays a full C merge for
    // little work; panels as even as NR allows, since a thin last panel reuses its A strip over too few B̃
    // strips.
    int slabDepth = ceilDiv(k, ceilDiv(k, KC));
    // B̃ is sized in floats, not columns: shallow slabs get wider panels (k = 256: 512 columns), so that
    // fewer panels re-read A.
    int panelFloats = slabDepth < k ? PANEL_FLOATS_SLABS : PANEL_FLOATS_ONE_SLAB;
    int maxPanel = Math.max(NR, panelFloats / slabDepth / NR * NR);
    int panelWidth = roundUp(ceilDiv(n, ceilDiv(n, maxPanel)), NR);
    // With more than one panel, A is packed once, whole (slab after slab, strip after strip), instead of
    // once per panel; with one panel each strip is packed where it is used, into L1.
    float[] wholeA = n > panelWidth ? packWhole(a, m, k, slabDepth, tasks, ws) : null;
    int panels = ceilDiv(n, panelWidth);
    if (tasks > 1 && panels >= 2 * tasks) {
      // Enough panels to share: each thread takes whole panels and packs their B̃ into its own buffer,
      // which then stays in its own core's L2, and no thread waits for another between slabs.
      Parallel.forChunks(panels, tasks, p -> panel(a, wholeA, m, k, slabDepth, p * panelWidth,
          Math.min(panelWidth, n - p * panelWidth), n, alpha, transB, b, bOff, ldb, bRows, beta, c, cOff, ldc));
      return;
    }
    if (tasks == 1) {
      for (int jc = 0; jc < n; jc += panelWidth) {
        panel(a, wholeA, m, k, slabDepth, jc, Math.min(panelWidth, n - jc), n, alpha, transB, b, bOff, ldb, bRows,
            beta, c, cOff, ldc);
      }
      return;
    }
    // Fewer panels than that: the threads share each panel. This thread's B̃ buffer is read by all of them
    // (packed before the fork-join that computes with it, so the writes are visible).
    float[] packedB = ws.floats(Workspace.Slot.GEMM_PACKED_B, PANEL_FLOATS_SLABS);
    // Four A strips per chunk, or one when that leaves too few chunks to share (chunks start at multiples
    // of MR either way, so the strips, and the arithmetic, are the same).
    int chunkRows = ceilDiv(m, CHUNK_ROWS) >= 4 * tasks ? CHUNK_ROWS : MR;
    int rowChunks = ceilDiv(m, chunkRows);
    for (int jc = 0; jc < n; jc += panelWidth) {
      int nc = Math.min(panelWidth, n - jc);
      int strips = ceilDiv(nc, NR);
      for (int pc = 0; pc < k; pc += slabDepth) {
        int kc = Math.min(slabDepth, k - pc);
        float betaSlab = pc == 0 ? beta : 1f; // later slabs add onto what the first one wrote
        int jc0 = jc, pc0 = pc;
        Parallel.forRange(strips, 1, tasks,
            (s0, s1) -> packPanel(transB, b, bOff, ldb, bRows, pc0, kc, jc0, nc, s0, s1, packedB));
        // Chunks of rows are taken dynamically, so a slower core costs only its share; each chunk's
        // arithmetic depends on its rows alone, so the result is the same for any thread count.
        Parallel.forChunks(rowChunks, tasks, chunk -> rows(a, wholeA, pc0 * roundUp(m, MR), chunk * chunkRows,
            Math.min(m, (chunk + 1) * chunkRows), pc0, kc, packedB, strips, jc0, n, alpha, betaSlab, c, cOff, ldc));
      }
    }
  }

  /**
   * Columns {@code [jc, jc + nc)} of C, every slab, on the calling thread with its own B̃ buffer: the same
   * slabs, strips and tiles in the same order as the shared loop, so the same bits.
   */
  private static void panel(GemmOperandA a, float[] wholeA, int m, int k, int slabDepth, int jc, int nc, int n,
      float alpha, boolean transB, float[] b, int bOff, int ldb, int[] bRows, float beta, float[] c, int cOff,
      int ldc) {
    float[] packedB = Workspace.local().floats(Workspace.Slot.GEMM_PACKED_B, PANEL_FLOATS_SLABS);
    int strips = ceilDiv(nc, NR);
    for (int pc = 0; pc < k; pc += slabDepth) {
      int kc = Math.min(slabDepth, k - pc);
      packPanel(transB, b, bOff, ldb, bRows, pc, kc, jc, nc, 0, strips, packedB);
      rows(a, wholeA, pc * roundUp(m, MR), 0, m, pc, kc, packedB, strips, jc, n, alpha, pc == 0 ? beta : 1f, c, cOff,
          ldc);
    }
  }

  /** Handles an empty product (BLAS: only C is scaled when k or alpha is 0); false when there is work. */
  private static boolean trivial(int m, int n, int k, float alpha, float beta, float[] c, int cOff, int ldc) {
    if (m == 0 || n == 0) {
      return true;
    }
    if (k == 0 || alpha == 0f) {
      ScalarSgemm.scaleC(beta, c, cOff, ldc, m, n);
      return true;
    }
    return false;
  }

  /** Packs strips {@code [s0, s1)} of the B̃ panel at rows {@code pc..} and columns {@code jc..} of op(B). */
  private static void packPanel(boolean transB, float[] b, int bOff, int ldb, int[] bRows, int pc, int kc, int jc,
      int nc, int s0, int s1, float[] dst) {
    if (bRows != null) {
      SimdGemmPacking.packRows(b, bRows, pc, kc, jc, nc, s0, s1, dst);
    } else {
      SimdGemmPacking.packB(transB, b, bOff, ldb, pc, kc, jc, nc, s0, s1, dst);
    }
  }

  /**
   * All of op(A) packed, slab after slab: the strip at rows {@code i..} of the slab that starts at column
   * {@code pc} (depth kc) is at {@code pc · roundUp(m, MR) + i · kc}. Strips are packed in parallel.
   */
  private static float[] packWhole(GemmOperandA a, int m, int k, int slabDepth, int tasks, Workspace ws) {
    float[] whole = ws.floats(Workspace.Slot.GEMM_WHOLE_A, roundUp(m, MR) * k);
    int strips = ceilDiv(m, MR);
    for (int pc = 0; pc < k; pc += slabDepth) {
      int kc = Math.min(slabDepth, k - pc), p0 = pc;
      Parallel.forRange(strips, 1, tasks,
          (s0, s1) -> a.packStrips(m, p0, kc, whole, p0 * roundUp(m, MR), s0, s1));
    }
    return whole;
  }

  /**
   * Rows {@code [r0, r1)} of C (r0 a multiple of MR) against every B̃ strip of one panel and slab; A's strips
   * come from {@code wholeA} (this slab's strips from {@code slabBase} on) when it is not null, else are
   * packed here.
   */
  private static void rows(GemmOperandA a, float[] wholeA, int slabBase, int r0, int r1, int pc, int kc, float[] packedB,
      int strips, int jc, int n, float alpha, float beta, float[] c, int cOff, int ldc) {
    Workspace ws = Workspace.local();
    float[] packedA = ws.floats(Workspace.Slot.GEMM_PACKED_A, MR * KC);
    float[] tile = ws.floats(Workspace.Slot.GEMM_TILE, MR * NR);
    for (int i = r0; i < r1; i += MR) {
      int mr = Math.min(MR, r1 - i);
      float[] pa = packedA;
      int aIdx = 0, kStride = MR;
      if (wholeA != null) {
        pa = wholeA;
        aIdx = slabBase + i * kc;
      } else if (mr == MR && strips <= IN_PLACE_MAX_STRIPS && a.transposedInPlace()) {
        pa = a.a();
        aIdx = a.inPlaceIndex(i, pc);
        kStride = a.lda();
      } else {
        a.pack(i, mr, pc, kc, packedA, 0);
      }
      for (int s = 0; s < strips; s++) {
        int j = jc + s * NR;
        SimdMicroKernel.tile(pa, aIdx, kStride, packedB, s * kc * NR, kc, tile);
        SimdTileMerge.merge(tile, 0, NR, mr, Math.min(NR, n - j), alpha, beta, c, cOff + i * ldc + j, ldc);
      }
    }
  }

  private static int ceilDiv(int x, int y) {
    return (x + y - 1) / y;
  }

  private static int roundUp(int x, int multiple) {
    return (x + multiple - 1) / multiple * multiple;
  }
}
