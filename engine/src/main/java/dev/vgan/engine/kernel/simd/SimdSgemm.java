package dev.vgan.engine.kernel.simd;

import static dev.vgan.engine.kernel.simd.SimdMicroKernel.MR;
import static dev.vgan.engine.kernel.simd.SimdMicroKernel.NR;

import dev.vgan.engine.kernel.CacheSizes;
import dev.vgan.engine.kernel.GemmLeft;
import dev.vgan.engine.kernel.GemmTileSink;
import dev.vgan.engine.kernel.Parallel;
import dev.vgan.engine.kernel.ScalarSgemm;
import dev.vgan.engine.kernel.Workspace;

/**
 * Packed, cache-blocked, multi-threaded SGEMM: {@code C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C},
 * row-major; or the product handed tile by tile to a {@link GemmTileSink} ({@link GemmTiles}).
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
 * for jc in n step panel       -- a panel of columns, right to left
 *   for pc in k step KC        -- B̃ = op(B)[pc.., jc..] packed (512 KB, less on a small L2; 1 MB for slabs)
 *     for ir in m step MR      -- one strip of A, packed (MR × KC): here, or once for all panels when
 *                                 there are several (see {@link GemmOperandA})
 *       for jr in panel step NR  -- B̃ strips, right to left, stream from L2 through the register tile
 * </pre>
 * The block sizes were measured, not derived (interleaved runs, one thread, 2026-12-02, AMD EPYC Zen 5: 48 KB
 * L1, 1 MB L2; GFLOP/s at m = n = k): a deep slab, KC = 1024, so that k ≤ 1024 needs one slab and C is
 * written once instead of read back per slab; and a B̃ of 512 KB for a single slab (panels 128 wide at
 * k = 1024) but 1 MB when there are several (256 wide at 1024). n = 1024: 200 against 169 for the earlier
 * KC = 512 with a 768 KB B̃ (panels 352 wide), 183 with 256-wide panels; n = 1000: 190 against 167; n = 2048:
 * 185 against 180, but 164 with 128-wide panels; n = 1280 and 1536 (two slabs): the wider panels no slower.
 * The A strip (48 KB) then streams through L1 from L2 beside B̃; an earlier Xeon session (48 KB L1, 2 MB
 * L2) had measured KC = 512 over 384 with one 768 KB budget. A 512 KB B̃ fills a smaller L2, so there
 * the one-slab B̃ is a share of the L2 ({@link CacheSizes}, {@link #oneSlabPanelFloats}).
 */
final class SimdSgemm {
  /** k-slab depth: most GEMMs (k ≤ 1024) then take one slab, so C is written once and never read back. */
  static final int KC = 1024;
  /**
   * B̃'s size in floats when k fits one slab; panels are as wide as that allows at the slab's depth, rounded
   * to a multiple of NR. 512 KB with an L2 of 1 MB or more, 3/8 of a smaller L2 ({@link #oneSlabPanelFloats}).
   */
  private static final int PANEL_FLOATS_ONE_SLAB = oneSlabPanelFloats(CacheSizes.L2_BYTES);
  /**
   * B̃'s size in floats (1 MB) when there are several slabs, whatever the L2: wider panels measured faster
   * there, on the 512 KB L2 too (two threads, n = 2048: 96 ms against 109 with 3/4 of the L2), since a big
   * A is read again for every panel.
   */
  private static final int PANEL_FLOATS_SLABS = KC * 256;
  /**
   * Widest panel (in columns) a full strip of a transposed A is read in place for rather than packed: for a
   * thin C (SeFa's M·V, n = 32; W3's batch-1 ConvTranspose2d, n = 56) packing would copy all of A for a few
   * tiles per strip. In columns, not strips, since a strip is 32 columns with AVX-512 and 16 with AVX2
   * (counted in strips, AVX2 packed W3's weight for every panel: 30% of its batch-1 time).
   */
  private static final int IN_PLACE_MAX_COLUMNS = 64;
  /** Rows per dynamically scheduled chunk: four A strips. */
  private static final int CHUNK_ROWS = 4 * MR;
  /** Below this many flops per task a thread costs more than it saves. */
  private static final long MIN_FLOPS_PER_TASK = 1L << 21;
  /** Floats in a 4 KB page: a transposed A with rows this long is packed whole rather than read in place. */
  private static final int PAGE_FLOATS = 1024;
  /** Below this many floats (256 KB) a page-strided A is still packed strip by strip. */
  private static final long MIN_PAGE_STRIDED_PACK = 1L << 16;
  /** Most floats of per-slab register tiles {@link Blocking#slabsInParallel} keeps (4 MB). */
  private static final long MAX_SLAB_PARTIALS = 1L << 20;
  /** From this many floats of A on, a prepared A is packed by all threads. */
  private static final long MIN_FLOATS_TO_SHARE_PACKING = 1L << 16;

  private SimdSgemm() {}

  static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    if (trivial(m, n, k, alpha, beta, c, cOff, ldc)) {
      return;
    }
    // Few rows, a shallow product, or few columns: unpacked, threads from the size of what is streamed
    // (B, C or A) rather than the flops.
    if (m <= SimdSmallM.MAX_ROWS) {
      SimdSmallM.sgemm(transA, m, n, k, alpha, a, aOff, lda, transB, b, bOff, ldb, beta, c, cOff, ldc,
          SimdSmallM.tasksFor((long) n * k));
      return;
    }
    if (k <= SimdSmallM.MAX_ROWS) {
      SimdSmallM.sgemmShallow(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
          SimdSmallM.tasksFor((long) m * n));
      return;
    }
    if (n <= SimdSmallM.MAX_ROWS) {
      SimdSmallM.sgemmFewColumns(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
          SimdSmallM.tasksFor((long) m * k));
      return;
    }
    blocked(new GemmOperandA(transA, a, aOff, lda, null), null, m, n, k, new GemmOperandB(transB, b, bOff, ldb),
        new GemmTiles.IntoC(alpha, beta, c, cOff, ldc));
  }

  /**
   * {@code C = alpha · A · op(B) + beta · C} where row i of A is {@code k} contiguous values from
   * {@code a[aRows[i]]}: see {@link dev.vgan.engine.kernel.KernelBackend#sgemmRowTableA}.
   */
  static void sgemmRowTableA(int m, int n, int k, float alpha, float[] a, int[] aRows, boolean transB,
      float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    if (!trivial(m, n, k, alpha, beta, c, cOff, ldc)) {
      blocked(new GemmOperandA(false, a, 0, 0, aRows), null, m, n, k, new GemmOperandB(transB, b, bOff, ldb),
          new GemmTiles.IntoC(alpha, beta, c, cOff, ldc));
    }
  }

  /**
   * {@code C = alpha · A · B + beta · C} where row p of B is {@code n} contiguous values from
   * {@code b[bRows[p]]}: see {@link dev.vgan.engine.kernel.KernelBackend#sgemmRowTable}.
   */
  static void sgemmRowTable(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b,
      int[] bRows, float beta, float[] c, int cOff, int ldc) {
    if (!trivial(m, n, k, alpha, beta, c, cOff, ldc)) {
      blocked(new GemmOperandA(false, a, aOff, lda, null), null, m, n, k, new GemmOperandB(false, b, 0, 0, bRows, null),
          new GemmTiles.IntoC(alpha, beta, c, cOff, ldc));
    }
  }

  /**
   * Whether {@link #sgemmTiles} applies: the blocked path (more than a few rows) with one slab, so that
   * each register tile is the whole sum. Otherwise the product is computed whole first.
   */
  static boolean tilesFromRegisters(int m, int n, int k) {
    return m > SimdSmallM.MAX_ROWS && n > 0 && k > 0 && k <= KC;
  }

  /**
   * The product handed to a sink straight from the register tiles, where {@link #tilesFromRegisters}: see
   * {@link dev.vgan.engine.kernel.KernelBackend#sgemmTiles}.
   */
  static void sgemmTiles(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb, int rowGroup, GemmTileSink sink) {
    blocked(new GemmOperandA(transA, a, aOff, lda, null), null, m, n, k, new GemmOperandB(transB, b, bOff, ldb),
        new GemmTiles.ToSink(sink, rowGroup));
  }

  /**
   * op(A) packed whole, once, for several products ({@link GemmLeft}) into this thread's
   * {@link Workspace.Slot#GEMM_SHARED_A}: the layout {@link #packWhole} gives, whose slabs depend on k alone,
   * so any product's blocking reads it. A few rows take the unpacked small-m path and are left as they are.
   */
  static GemmLeft prepareLeft(boolean transA, int m, int k, float[] a, int aOff, int lda) {
    return prepare(transA, m, k, a, aOff, lda, false);
  }

  /** {@link #prepareLeft} into a new array instead of the workspace: see {@link dev.vgan.engine.kernel.KernelBackend#keepLeft}. */
  static GemmLeft keepLeft(boolean transA, int m, int k, float[] a, int aOff, int lda) {
    return prepare(transA, m, k, a, aOff, lda, true);
  }

  private static GemmLeft prepare(boolean transA, int m, int k, float[] a, int aOff, int lda, boolean own) {
    if (m <= SimdSmallM.MAX_ROWS || k == 0) {
      return GemmLeft.unprepared(transA, m, k, a, aOff, lda);
    }
    // Packing is a copy: worth a fork-join from a few hundred KB on (W2's weights are 0.5 and 2 MB).
    int tasks = (long) m * k >= MIN_FLOATS_TO_SHARE_PACKING ? Parallel.threads() : 1;
    int size = roundUp(m, MR) * k;
    float[] packed = packWhole(new GemmOperandA(transA, a, aOff, lda, null), m, k, slabDepth(k), tasks,
        own ? new float[size] : Workspace.local().floats(Workspace.Slot.GEMM_SHARED_A, size));
    return new GemmLeft(transA, m, k, a, aOff, lda, packed);
  }

  /** {@link #sgemm} with a left operand from {@link #prepareLeft}: the same bits. */
  static void sgemm(GemmLeft a, boolean transB, int n, float alpha, float[] b, int bOff, int ldb, float beta,
      float[] c, int cOff, int ldc) {
    if (a.packed() == null || unpacked(a.m(), n, a.k())) {
      // Unpacked paths read A as stored: the same bits as the plain call.
      sgemm(a.transA(), transB, a.m(), n, a.k(), alpha, a.a(), a.aOff(), a.lda(), b, bOff, ldb, beta, c, cOff, ldc);
    } else if (!trivial(a.m(), n, a.k(), alpha, beta, c, cOff, ldc)) {
      blocked(operand(a), a.packed(), a.m(), n, a.k(), new GemmOperandB(transB, b, bOff, ldb),
          new GemmTiles.IntoC(alpha, beta, c, cOff, ldc));
    }
  }

  /**
   * {@link #sgemm} with a left operand from {@link #prepareLeft} (or unprepared) and B gathered as it is packed:
   * see {@link dev.vgan.engine.kernel.KernelBackend#sgemmGathered}. A few rows or columns, or a shallow product,
   * read B in place, so there B is gathered whole first.
   */
  static void sgemmGathered(GemmLeft a, int n, float alpha, float[] b, int[] bRows, int[] bCols, float beta,
      float[] c, int cOff, int ldc) {
    if (unpacked(a.m(), n, a.k())) {
      sgemm(a, false, n, alpha, ScalarSgemm.gatherWhole(b, bRows, bCols, a.k(), n), 0, n, beta, c, cOff, ldc);
    } else if (!trivial(a.m(), n, a.k(), alpha, beta, c, cOff, ldc)) {
      blocked(operand(a), a.packed(), a.m(), n, a.k(), new GemmOperandB(false, b, 0, 0, bRows, bCols),
          new GemmTiles.IntoC(alpha, beta, c, cOff, ldc));
    }
  }

  /** {@link #sgemmTiles} with a packed left operand from {@link #prepareLeft}, where {@link #tilesFromRegisters}. */
  static void sgemmTiles(GemmLeft a, boolean transB, int n, float[] b, int bOff, int ldb, int rowGroup,
      GemmTileSink sink) {
    blocked(operand(a), a.packed(), a.m(), n, a.k(), new GemmOperandB(transB, b, bOff, ldb),
        new GemmTiles.ToSink(sink, rowGroup));
  }

  private static GemmOperandA operand(GemmLeft a) {
    return new GemmOperandA(a.transA(), a.a(), a.aOff(), a.lda(), null);
  }

  /**
   * The blocked loops over panels, slabs and strips (m, n and k above zero). Panels run from the right to the
   * left, and so do the B̃ strips in each, while a thread's strips of A run downwards: of two tiles, the one
   * further down and to the left comes later (the order {@link GemmTiles.ToSink} promises).
   */
  private static void blocked(GemmOperandA a, float[] prepared, int m, int n, int k, GemmOperandB b,
      GemmTiles out) {
    int tasks = (int) Math.max(1, Math.min(Parallel.threads(), 2L * m * n * k / MIN_FLOPS_PER_TASK));
    Workspace ws = Workspace.local();
    // Even slabs (k = 1100: two of 550, not 1024 + 76), since a thin last slab pays a full C merge for
    // little work; panels as even as NR allows, since a thin last panel reuses its A strip over too few B̃
    // strips.
    int slabDepth = slabDepth(k);
    // B̃ is sized in floats, not columns: shallow slabs get wider panels (k = 256: 512 columns), so that
    // fewer panels re-read A.
    int panelFloats = slabDepth < k ? PANEL_FLOATS_SLABS : PANEL_FLOATS_ONE_SLAB;
    int maxPanel = Math.max(NR, panelFloats / slabDepth / NR * NR);
    int panelWidth = roundUp(Math.ceilDiv(n, Math.ceilDiv(n, maxPanel)), NR);
    // With more than one panel, A is packed once, whole (slab after slab, strip after strip), instead of
    // once per panel; with one panel each strip is packed where it is used, into L1, or read in place for
    // a thin C (IN_PLACE_MAX_COLUMNS) — unless A is stored transposed with rows of a page or more: read in
    // place, every step of k then lands on another page, which the prefetchers do not follow, while
    // packWhole reads A row by row (W3's batch-1 ConvTranspose2d(256,128), 2048 × 56 × 256: 610 → 533 µs on
    // one thread, 340 → 327 on two, on a 2 MB-L2 Xeon; a wider C, whose strips are packed and reused, lost
    // by it: Linear's dW, 12544 × 100 × 64, 1.35 → 1.55 ms). A prepared A is whole.
    boolean pageStrided = n <= IN_PLACE_MAX_COLUMNS && a.transposedInPlace() && a.lda() >= PAGE_FLOATS
        && (long) m * k >= MIN_PAGE_STRIDED_PACK;
    float[] wholeA = prepared != null ? prepared
        : n > panelWidth || pageStrided
            ? packWhole(a, m, k, slabDepth, tasks, ws.floats(Workspace.Slot.GEMM_WHOLE_A, roundUp(m, MR) * k))
        : null;
    int panels = Math.ceilDiv(n, panelWidth);
    Blocking blocking = new Blocking(a, wholeA, b, m, n, k, slabDepth, panelWidth, out);
    int slabs = Math.ceilDiv(k, slabDepth);
    if (tasks > 1 && panels == 1 && slabs >= tasks && out instanceof GemmTiles.IntoC
        && (long) slabs * roundUp(m, MR) * roundUp(n, NR) <= MAX_SLAB_PARTIALS) {
      blocking.slabsInParallel(slabs, tasks);
      return;
    }
    if (tasks == 1 || panels >= 2 * tasks && out.columnsApart()) {
      // One thread, panel after panel (one task takes the chunks in order); or enough panels to share:
      // each thread takes whole panels and packs their B̃ into its own buffer, which then stays in its own
      // core's L2, and no thread waits for another between slabs.
      Parallel.forChunks(panels, tasks, p -> blocking.panel(panels - 1 - p));
      return;
    }
    // Fewer panels than that: the threads share each panel. This thread's B̃ buffer is read by all of them
    // (packed before the fork-join that computes with it, so the writes are visible).
    float[] packedB = ws.floats(Workspace.Slot.GEMM_PACKED_B, PANEL_FLOATS_SLABS);
    // Four A strips per chunk, or one when that leaves too few chunks to share (chunks start at multiples
    // of MR either way, so the strips, and the arithmetic, are the same); whole row groups either way.
    int chunkRows = roundUp(Math.ceilDiv(m, CHUNK_ROWS) >= 4 * tasks ? CHUNK_ROWS : MR, lcm(MR, out.rowGroup()));
    int rowChunks = Math.ceilDiv(m, chunkRows);
    for (int p = panels - 1; p >= 0; p--) {
      int jc = p * panelWidth, nc = Math.min(panelWidth, n - jc), strips = Math.ceilDiv(nc, NR);
      for (int pc = 0; pc < k; pc += slabDepth) {
        int kc = Math.min(slabDepth, k - pc), pc0 = pc;
        Parallel.forRange(strips, 1, tasks, (s0, s1) -> b.pack(pc0, kc, jc, nc, s0, s1, packedB));
        // Chunks of rows are taken dynamically, so a slower core costs only its share; each chunk's
        // arithmetic depends on its rows alone, so the result is the same for any thread count.
        Parallel.forChunks(rowChunks, tasks, chunk -> blocking.rows(chunk * chunkRows,
            Math.min(m, (chunk + 1) * chunkRows), pc0, kc, packedB, jc, nc));
      }
    }
  }

  /** One call's operands, sizes and blocking, for the loops inside a panel. */
  private record Blocking(GemmOperandA a, float[] wholeA, GemmOperandB b, int m, int n, int k, int slabDepth,
      int panelWidth, GemmTiles out) {
    /**
     * A deep product with a small C in one panel (Linear's dx, 64 × 100 × 12544; SeFa's AᵀA): shared row by
     * row it would fork and join twice per slab over a few tiles, so each thread takes whole slabs instead,
     * packs its own B̃ and keeps each slab's register tiles apart ({@link GemmTiles.BySlab}); then the tiles
     * are merged into C slab after slab — the same merges in the same order as one thread's loop, so the
     * same bits.
     */
    void slabsInParallel(int slabs, int tasks) {
      int rowStrips = Math.ceilDiv(m, MR), colStrips = Math.ceilDiv(n, NR);
      float[] tiles = Workspace.local().floats(Workspace.Slot.GEMM_SLAB_TILES, slabs * rowStrips * colStrips * MR * NR);
      Parallel.forChunks(slabs, tasks, slab -> {
        float[] packedB = Workspace.local().floats(Workspace.Slot.GEMM_PACKED_B, PANEL_FLOATS_SLABS);
        int pc = slab * slabDepth, kc = Math.min(slabDepth, k - pc);
        b.pack(pc, kc, 0, n, 0, colStrips, packedB);
        new Blocking(a, wholeA, b, m, n, k, slabDepth, panelWidth, new GemmTiles.BySlab(tiles, slab, rowStrips,
            colStrips)).rows(0, m, pc, kc, packedB, 0, n);
      });
      // Rows of tiles are independent: split them over the threads, each merging every slab in order.
      Parallel.forRange(rowStrips, 1, tasks, (r0, r1) -> {
        for (int rs = r0; rs < r1; rs++) {
          for (int slab = 0; slab < slabs; slab++) {
            for (int cs = colStrips - 1; cs >= 0; cs--) {
              out.put(tiles, GemmTiles.BySlab.at(slab, rs, cs, rowStrips, colStrips), Math.min(MR, m - rs * MR),
                  Math.min(NR, n - cs * NR), rs * MR, cs * NR, slab == 0);
            }
          }
        }
      });
    }

    /**
     * Panel {@code p}, every slab, on the calling thread with its own B̃ buffer: the same slabs, strips and
     * tiles in the same order as the shared loop, so the same bits.
     */
    void panel(int p) {
      float[] packedB = Workspace.local().floats(Workspace.Slot.GEMM_PACKED_B, PANEL_FLOATS_SLABS);
      int jc = p * panelWidth, nc = Math.min(panelWidth, n - jc), strips = Math.ceilDiv(nc, NR);
      for (int pc = 0; pc < k; pc += slabDepth) {
        int kc = Math.min(slabDepth, k - pc);
        b.pack(pc, kc, jc, nc, 0, strips, packedB);
        rows(0, m, pc, kc, packedB, jc, nc);
      }
    }

    /**
     * Rows {@code [r0, r1)} (r0 a multiple of MR) against every B̃ strip of the panel at columns
     * {@code [jc, jc + nc)} and the slab at {@code pc} (depth kc); A's strips come from {@code wholeA} when
     * it is not null, else are packed here.
     */
    void rows(int r0, int r1, int pc, int kc, float[] packedB, int jc, int nc) {
      Workspace ws = Workspace.local();
      float[] packedA = ws.floats(Workspace.Slot.GEMM_PACKED_A, MR * KC);
      float[] tile = ws.floats(Workspace.Slot.GEMM_TILE, MR * NR);
      int strips = Math.ceilDiv(nc, NR), slabBase = pc * roundUp(m, MR);
      for (int i = r0; i < r1; i += MR) {
        int mr = Math.min(MR, r1 - i);
        float[] pa = packedA;
        int aIdx = 0, kStride = MR;
        if (wholeA != null) {
          pa = wholeA;
          aIdx = slabBase + i * kc;
        } else if (mr == MR && nc <= IN_PLACE_MAX_COLUMNS && a.transposedInPlace()) {
          pa = a.a();
          aIdx = a.inPlaceIndex(i, pc);
          kStride = a.lda();
        } else {
          a.pack(i, mr, pc, kc, packedA, 0);
        }
        for (int s = strips - 1; s >= 0; s--) {
          int j = jc + s * NR;
          SimdMicroKernel.tile(pa, aIdx, kStride, packedB, s * kc * NR, kc, tile);
          out.put(tile, 0, mr, Math.min(NR, jc + nc - j), i, j, pc == 0);
        }
      }
    }
  }

  /** Whether {@link #sgemm} takes one of {@link SimdSmallM}'s paths: a few rows or columns, or a shallow product. */
  private static boolean unpacked(int m, int n, int k) {
    return m <= SimdSmallM.MAX_ROWS || n <= SimdSmallM.MAX_ROWS || k <= SimdSmallM.MAX_ROWS;
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

  /** The depth of every slab of a product of depth k but perhaps the last ({@link #blocked} says why). */
  private static int slabDepth(int k) {
    return Math.ceilDiv(k, Math.ceilDiv(k, KC));
  }

  /**
   * All of op(A) packed into {@code whole} (at least {@code roundUp(m, MR) · k} floats), slab after slab: the
   * strip at rows {@code i..} of the slab that starts at column {@code pc} (depth kc) is at
   * {@code pc · roundUp(m, MR) + i · kc}. Strips are packed in parallel.
   */
  private static float[] packWhole(GemmOperandA a, int m, int k, int slabDepth, int tasks, float[] whole) {
    int strips = Math.ceilDiv(m, MR);
    for (int pc = 0; pc < k; pc += slabDepth) {
      int kc = Math.min(slabDepth, k - pc), p0 = pc;
      Parallel.forRange(strips, 1, tasks,
          (s0, s1) -> a.packStrips(m, p0, kc, whole, p0 * roundUp(m, MR), s0, s1));
    }
    return whole;
  }

  /**
   * B̃'s budget in floats for one slab on a core with {@code l2Bytes} of L2. 512 KB from 1 MB of L2 on was
   * measured on a Zen 5 (1 MB) and kept on 2 MB Xeons; on a Zen 3 (512 KB) it filled the L2, and 3/8 of it
   * measured fastest (one thread, GFLOP/s against 512 KB: n = 1024 88 → 91–92, the conv GEMMs of W2
   * 78–81 → 82–87; 1/4 and 1/2 of it were between). Never under one B̃ strip at the full depth.
   */
  static int oneSlabPanelFloats(long l2Bytes) {
    long bytes = l2Bytes >= 1L << 20 ? 512L << 10 : l2Bytes * 3 / 8;
    return (int) Math.max(NR * KC, bytes / Float.BYTES);
  }

  private static int roundUp(int x, int multiple) {
    return (x + multiple - 1) / multiple * multiple;
  }

  private static int lcm(int x, int y) {
    int a = x, b = y;
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return x / a * y;
  }
}
