package dev.vgan.engine.kernel;

import java.util.Arrays;

/**
 * Conv2d lowered to im2col + SGEMM, NCHW, a chunk of images at a time: the column matrices of the
 * chunk's images sit side by side, {@code (C·kh·kw) × (nb·HW)}, so each pass is one large GEMM instead
 * of one thin GEMM per image (whose narrow n, or short k, wastes the micro-kernel and rewrites C once per
 * image). The three routines also cover ConvTranspose2d, the adjoint of a convolution: with {@code g}
 * the geometry of the convolution that maps the transposed layer's output back to its input,
 *
 * <ul>
 *   <li>ConvTranspose2d forward = {@link #backwardData} (weight {@code (in, out, kh, kw)} read as a Conv2d
 *       weight with {@code in} output channels);
 *   <li>ConvTranspose2d backward-data = {@link #forward};
 *   <li>ConvTranspose2d backward-weight = {@link #backwardWeight} with input and gradient swapped.
 * </ul>
 *
 * The forward and weight-gradient GEMMs never write the column matrix out: their B̃ panels are gathered
 * from the zero-padded images as they are packed ({@link KernelBackend#sgemmGathered}), which saves writing
 * and reading back {@code kh·kw} times the images per pass. Stride-1 convolutions whose padded rows are not
 * much wider than their output skip the gather too ({@link DirectConv}); strided ones whose kernel is a whole
 * number of strides run backward-data's col2im without a scatter ({@link PhaseCol2im}); the package-private
 * overloads that take a chunk size always take the gathered GEMMs and, for backward-data, {@code col2im}.
 *
 * Shapes: {@code x (batch, g.channels, g.height, g.width)}, {@code w (outChannels, g.colRows())},
 * {@code y (batch, outChannels, g.outHeight, g.outWidth)}.
 */
public final class ConvLowering {
  /** Column-matrix floats per chunk (4 MB): bounds the chunk, and the scratch memory of backward-data. */
  private static final int COLS_BUDGET = 1 << 20;
  /** Most partial gradients {@link #backwardWeight} sums into: W2's batch of 64 makes 8 chunks. */
  static final int MAX_WEIGHT_PARTIALS = 8;
  /** Floats of partial gradients (32 MB) {@link #backwardWeight} may use; W2's ConvTranspose2d takes 16 MB. */
  static final long PARTIALS_BUDGET = 1L << 23;
  /** Floats of dw (8 KB) that the partials are added to at a time. */
  private static final int SUM_BLOCK = 2048;

  private ConvLowering() {}

  /** {@code y = conv2d(x, w)}; y is written. */
  public static void forward(KernelBackend k, ConvGeometry g, int batch, int outChannels,
      float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
    forward(k, g, batch, outChannels, x, xOff, w, wOff, y, yOff, false);
  }

  /** {@code y = conv2d(x, w)}, or {@code y += conv2d(x, w)} when {@code accumulate}. */
  public static void forward(KernelBackend k, ConvGeometry g, int batch, int outChannels,
      float[] x, int xOff, float[] w, int wOff, float[] y, int yOff, boolean accumulate) {
    if (DirectConv.suits(g, outChannels)) {
      DirectConv.forward(k, g, batch, outChannels, x, xOff, w, wOff, y, yOff, accumulate);
      return;
    }
    forward(k, g, batch, outChannels, x, xOff, w, wOff, y, yOff, accumulate, imagesPerChunk(g, batch));
  }

  static void forward(KernelBackend k, ConvGeometry g, int batch, int outChannels, float[] x, int xOff,
      float[] w, int wOff, float[] y, int yOff, boolean accumulate, int chunk) {
    int rows = g.colRows(), hw = g.colCols(), chunks = Math.ceilDiv(batch, chunk);
    GemmLeft weight = weightOperand(k, false, outChannels, rows, w, wOff, chunks);
    ColumnTables tables = ColumnTables.of(g, Math.min(chunk, batch));
    // Chunks of images run in parallel, each on one thread with its own workspace (its GEMM runs inline).
    Parallel.forChunks(chunks, Parallel.threads(), c -> {
      int n0 = c * chunk, nb = Math.min(chunk, batch - n0), ld = nb * hw;
      float[] padded = ScalarIm2col.padImages(x, xOff + n0 * g.imageSize(), nb, g);
      float[] out = Workspace.local().floats(Workspace.Slot.CONV_CHANNELS, outChannels * ld);
      // out (O × nb·HW) = W (O × CKK) · cols (CKK × nb·HW), cols[r][j] = padded[taps[r] + pixels[j]]
      k.sgemmGathered(weight, ld, 1f, padded, tables.taps(), tables.pixels(), 0f, out, 0, ld);
      channelMajorToBatch(k, out, outChannels, nb, hw, y, yOff + n0 * outChannels * hw, accumulate);
    });
  }

  /** {@code dx += conv2dᵀ(dy, w)}: the gradient of {@link #forward} with respect to x. Accumulates. */
  public static void backwardData(KernelBackend k, ConvGeometry g, int batch, int outChannels,
      float[] w, int wOff, float[] dy, int dyOff, float[] dx, int dxOff) {
    backwardData(k, g, batch, outChannels, w, wOff, dy, dyOff, dx, dxOff, true);
  }

  /**
   * {@code dx += conv2dᵀ(dy, w)}, or {@code dx = conv2dᵀ(dy, w)} when not {@code accumulate} (dx's old
   * contents are then never read, so it need not be zeroed first).
   */
  public static void backwardData(KernelBackend k, ConvGeometry g, int batch, int outChannels,
      float[] w, int wOff, float[] dy, int dyOff, float[] dx, int dxOff, boolean accumulate) {
    if (DirectConv.suitsBackwardData(g, outChannels)) {
      DirectConv.backwardData(k, g, batch, outChannels, w, wOff, dy, dyOff, dx, dxOff, accumulate);
      return;
    }
    if (PhaseCol2im.suits(g, outChannels)) {
      backwardDataByPhases(k, g, batch, outChannels, w, wOff, dy, dyOff, dx, dxOff, imagesPerChunk(g, batch),
          accumulate);
      return;
    }
    backwardData(k, g, batch, outChannels, w, wOff, dy, dyOff, dx, dxOff, imagesPerChunk(g, batch), accumulate);
  }

  /** {@link #backwardData} on {@link PhaseCol2im}'s wide grid: the GEMM's tiles go to phase planes, not to a matrix. */
  static void backwardDataByPhases(KernelBackend k, ConvGeometry g, int batch, int outChannels, float[] w,
      int wOff, float[] dy, int dyOff, float[] dx, int dxOff, int chunk, boolean accumulate) {
    int hw = g.colCols(), chunks = Math.ceilDiv(batch, chunk);
    GemmLeft weight = weightOperand(k, true, g.colRows(), outChannels, w, wOff, chunks);
    Parallel.forChunks(chunks, Parallel.threads(), c -> {
      int n0 = c * chunk;
      PhaseCol2im phases = new PhaseCol2im(g, Math.min(chunk, batch - n0));
      float[] grad = phases.widen(dy, dyOff + n0 * outChannels * hw, outChannels);
      phases.addProduct(k, weight, grad, dx, dxOff + n0 * g.imageSize(), accumulate);
    });
  }

  static void backwardData(KernelBackend k, ConvGeometry g, int batch, int outChannels, float[] w, int wOff,
      float[] dy, int dyOff, float[] dx, int dxOff, int chunk, boolean accumulate) {
    int rows = g.colRows(), hw = g.colCols(), chunks = Math.ceilDiv(batch, chunk);
    GemmLeft weight = weightOperand(k, true, rows, outChannels, w, wOff, chunks);
    Parallel.forChunks(chunks, Parallel.threads(), c -> {
      int n0 = c * chunk, nb = Math.min(chunk, batch - n0), ld = nb * hw;
      float[] grad = batchToChannelMajor(dy, dyOff + n0 * outChannels * hw, outChannels, nb, hw);
      float[] cols = Workspace.local().floats(Workspace.Slot.CONV_COLS, rows * ld);
      // cols (CKK × nb·HW) = Wᵀ (CKK × O) · grad (O × nb·HW)
      k.sgemm(weight, false, ld, 1f, grad, 0, ld, 0f, cols, 0, ld);
      if (!accumulate) {   // col2im adds: this chunk's images start from zero
        Arrays.fill(dx, dxOff + n0 * g.imageSize(), dxOff + (n0 + nb) * g.imageSize(), 0f);
      }
      k.col2im(cols, 0, ld, nb, g, dx, dxOff + n0 * g.imageSize());
    });
  }

  /** {@code dw += Σₙ dyₙ · im2col(xₙ)ᵀ}: the gradient of {@link #forward} with respect to w. Accumulates. */
  public static void backwardWeight(KernelBackend k, ConvGeometry g, int batch, int outChannels,
      float[] x, int xOff, float[] dy, int dyOff, float[] dw, int dwOff) {
    if (DirectConv.suits(g, outChannels)) {
      DirectConv.backwardWeight(k, g, batch, outChannels, x, xOff, dy, dyOff, dw, dwOff);
      return;
    }
    backwardWeight(k, g, batch, outChannels, x, xOff, dy, dyOff, dw, dwOff, imagesPerChunk(g, batch));
  }

  static void backwardWeight(KernelBackend k, ConvGeometry g, int batch, int outChannels, float[] x, int xOff,
      float[] dy, int dyOff, float[] dw, int dwOff, int chunk) {
    backwardWeight(k, g, batch, outChannels, x, xOff, dy, dyOff, dw, dwOff, chunk,
        weightPartials(outChannels * g.colRows(), Math.ceilDiv(batch, chunk)));
  }

  /**
   * {@link #backwardWeight} with {@code partials} partial gradients: partial p sums chunks p, p + partials,
   * p + 2·partials, ... on one thread (its GEMMs inline), the partials run in parallel and are then added to
   * dw in order. With one partial the chunks' GEMMs run one after another into dw, each on all threads.
   */
  static void backwardWeight(KernelBackend k, ConvGeometry g, int batch, int outChannels, float[] x, int xOff,
      float[] dy, int dyOff, float[] dw, int dwOff, int chunk, int partials) {
    int chunks = Math.ceilDiv(batch, chunk);
    ColumnTables tables = ColumnTables.of(g, Math.min(chunk, batch));
    if (partials <= 1) {
      for (int c = 0; c < chunks; c++) {
        chunkWeightGradient(k, g, tables, outChannels, x, xOff, dy, dyOff, c * chunk,
            Math.min(chunk, batch - c * chunk), 1f, dw, dwOff);
      }
      return;
    }
    int size = outChannels * g.colRows();
    float[] sums = Workspace.local().floats(Workspace.Slot.CONV_WEIGHT_PARTIALS, partials * size);
    Parallel.forChunks(partials, Parallel.threads(), p -> {
      for (int c = p; c < chunks; c += partials) {
        chunkWeightGradient(k, g, tables, outChannels, x, xOff, dy, dyOff, c * chunk,
            Math.min(chunk, batch - c * chunk), c == p ? 0f : 1f, sums, p * size);
      }
    });
    // Block by block, so each block of dw stays in L1 while every partial is added to it, in partial order.
    Parallel.forRange(size, SUM_BLOCK, Parallel.threads(), (e0, e1) -> {
      for (int b0 = e0; b0 < e1; b0 += SUM_BLOCK) {
        int len = Math.min(SUM_BLOCK, e1 - b0);
        for (int p = 0; p < partials; p++) {
          k.axpy(1f, sums, p * size + b0, dw, dwOff + b0, len);
        }
      }
    });
  }

  /**
   * How many partial gradients {@link #backwardWeight} sums a weight of {@code size} floats into: one per
   * chunk up to {@link #MAX_WEIGHT_PARTIALS}, as many as {@link #PARTIALS_BUDGET} holds. A function of the
   * weight and the batch only, so the bits do not depend on the thread count.
   */
  static int weightPartials(int size, int chunks) {
    return (int) Math.min(Math.min(chunks, MAX_WEIGHT_PARTIALS), PARTIALS_BUDGET / size);
  }

  /**
   * The weight gradient of images {@code n0 .. n0 + nb}: {@code out (O × CKK) = beta · out + grad (O × nb·HW) ·
   * colsᵀ (nb·HW × CKK)}.
   */
  private static void chunkWeightGradient(KernelBackend k, ConvGeometry g, ColumnTables tables, int outChannels,
      float[] x, int xOff, float[] dy, int dyOff, int n0, int nb, float beta, float[] out, int outOff) {
    int rows = g.colRows(), hw = g.colCols(), ld = nb * hw;
    float[] padded = ScalarIm2col.padImages(x, xOff + n0 * g.imageSize(), nb, g);
    float[] grad = batchToChannelMajor(dy, dyOff + n0 * outChannels * hw, outChannels, nb, hw);
    // colsᵀ[p][r] = padded[pixels[p] + taps[r]]: the column matrix's tables swapped
    k.sgemmGathered(GemmLeft.unprepared(false, outChannels, ld, grad, 0, ld), rows, 1f, padded,
        tables.pixels(), tables.taps(), beta, out, outOff, rows);
  }

  /**
   * The column matrix's tables for chunks of up to {@code images} images ({@link ScalarIm2col#rowStarts},
   * {@link ScalarIm2col#pixelOffsets}), made once per call: a shorter last chunk reads a prefix of the pixels.
   */
  private record ColumnTables(int[] taps, int[] pixels) {
    static ColumnTables of(ConvGeometry g, int images) {
      return new ColumnTables(ScalarIm2col.rowStarts(g), ScalarIm2col.pixelOffsets(g, images));
    }
  }

  /**
   * The weight as the left operand of every chunk's GEMM ({@code op(W)[m×k]}, W stored with rows of
   * {@code transposed ? m : k} floats): inside {@link FrozenWeights#run}, its kept packed copy; otherwise packed
   * once for the call when more than one chunk uses it, instead of once per chunk, and with one chunk (a batch
   * of one) read by the GEMM as it would unprepared.
   */
  private static GemmLeft weightOperand(KernelBackend k, boolean transposed, int m, int depth, float[] w, int wOff,
      int chunks) {
    int ld = transposed ? m : depth;
    GemmLeft kept = FrozenWeights.lookup(k, transposed, m, depth, w, wOff, ld);
    if (kept != null) {
      return kept;
    }
    return chunks > 1 ? k.prepareLeft(transposed, m, depth, w, wOff, ld)
        : GemmLeft.unprepared(transposed, m, depth, w, wOff, ld);
  }

  /**
   * Images per chunk: as many as fit the budget, but at most an eighth of the batch, so that the chunks
   * can be shared out between threads. It depends on the batch and geometry only, never on the thread
   * count, so the arithmetic of every image is the same however many threads run.
   */
  private static int imagesPerChunk(ConvGeometry g, int batch) {
    long perImage = (long) g.colRows() * g.colCols();
    return (int) Math.max(1, Math.min(Math.ceilDiv(batch, 8), COLS_BUDGET / perImage));
  }

  /** {@code (nb, O, HW)} batch-major to {@code (O, nb·HW)} channel-major, in this thread's workspace. */
  private static float[] batchToChannelMajor(float[] src, int srcOff, int channels, int nb, int hw) {
    float[] out = Workspace.local().floats(Workspace.Slot.CONV_CHANNELS, channels * nb * hw);
    for (int j = 0; j < nb; j++) {
      for (int o = 0; o < channels; o++) {
        System.arraycopy(src, srcOff + (j * channels + o) * hw, out, (o * nb + j) * hw, hw);
      }
    }
    return out;
  }

  /** {@code (O, nb·HW)} channel-major to {@code (nb, O, HW)}: written, or added when {@code accumulate}. */
  private static void channelMajorToBatch(KernelBackend k, float[] src, int channels, int nb, int hw,
      float[] dst, int dstOff, boolean accumulate) {
    for (int j = 0; j < nb; j++) {
      for (int o = 0; o < channels; o++) {
        writeRun(k, src, (o * nb + j) * hw, dst, dstOff + (j * channels + o) * hw, hw, accumulate);
      }
    }
  }

  /** {@code dst[to ..] = src[from ..]} over n values, or {@code +=} when {@code accumulate} (WideGrid's too). */
  static void writeRun(KernelBackend k, float[] src, int from, float[] dst, int to, int n, boolean accumulate) {
    if (accumulate) {
      k.axpy(1f, src, from, dst, to, n);
    } else {
      System.arraycopy(src, from, dst, to, n);
    }
  }
}
