package dev.vgan.engine.kernel;

/**
 * Stride-1 convolutions without a column matrix. On a {@link WideGrid} — images zero-padded, rows
 * interleaved, output computed for every padded column and the few between images discarded —
 * row r of the column matrix is the padded chunk read from one offset on, so the GEMM packs its panels
 * straight from the images ({@link KernelBackend#sgemmRowTable}) instead of from a {@code kh·kw}-times larger
 * im2col copy written and read through memory (W4's 5×5 layers: 20 MB per image). The price is the
 * discarded columns, so {@link #suits} takes only geometries where they are few.
 *
 * <p>Backward-data of a stride-1 convolution is itself one: the output gradient, padded by
 * {@code k − 1 − p}, convolved with the weight flipped in both axes and with in and out channels swapped —
 * so it needs no col2im scatter either. Backward-weight reads the same shifted windows as the rows of its
 * left-hand matrix ({@link KernelBackend#sgemmRowTableA}).
 */
final class DirectConv {
  /** The wide grid may be at most this much larger than the output (14 → 16 columns for W4's 5×5 at 14×14). */
  private static final double MAX_WIDE_RATIO = 1.3;
  /** Below this many output channels the GEMM is a few dot products over B, which im2col streams once. */
  private static final int MIN_OUT_CHANNELS = 16;
  /**
   * Wide columns per GEMM worth gathering images for: a 7×7 layer's 56 columns would fill two strips of 32
   * badly, and the more images share a row, the fewer columns are discarded (W4's 28×28 layers: four
   * images per GEMM, 91% of the columns kept).
   */
  private static final int TARGET_COLUMNS = 3072;

  private DirectConv() {}

  /** Whether {@link #forward} handles this convolution (stride 1, no dilation, a narrow discarded margin). */
  static boolean suits(ConvGeometry g, int outChannels) {
    return isStrideOne(g) && outChannels >= MIN_OUT_CHANNELS
        && g.width() + g.padW() <= MAX_WIDE_RATIO * g.outWidth();
  }

  /** Whether {@link #backwardData} handles this convolution: its adjoint must suit as well. */
  static boolean suitsBackwardData(ConvGeometry g, int outChannels) {
    return isStrideOne(g) && g.padH() < g.kernelH() && g.padW() < g.kernelW()
        && suits(adjoint(g, outChannels), g.channels());
  }

  private static boolean isStrideOne(ConvGeometry g) {
    return g.strideH() == 1 && g.strideW() == 1 && g.dilationH() == 1 && g.dilationW() == 1;
  }

  /** {@code y = conv2d(x, w)}, or {@code y += conv2d(x, w)}; w is {@code (outChannels, g.colRows())}. */
  static void forward(KernelBackend k, ConvGeometry g, int batch, int outChannels, float[] x, int xOff,
      float[] w, int wOff, float[] y, int yOff, boolean accumulate) {
    int rows = g.colRows();
    // Each value sums over the kernel taps alone, so chunking cannot change a bit: chunks are sized to
    // give every thread work.
    int chunk = imagesPerChunk(g, Math.ceilDiv(batch, Parallel.threads()));
    // Chunks in parallel, each GEMM inline on its thread — or on every thread when there is one chunk.
    Parallel.forChunks(Math.ceilDiv(batch, chunk), Parallel.threads(), ci -> {
      int n0 = ci * chunk;
      WideGrid grid = new WideGrid(g, Math.min(chunk, batch - n0));
      float[] padded = grid.pad(x, xOff + n0 * g.imageSize());
      float[] out = Workspace.local().floats(Workspace.Slot.CONV_CHANNELS, outChannels * grid.wide);
      k.sgemmRowTable(outChannels, grid.wide, rows, 1f, w, wOff, rows, padded, grid.rowStarts(), 0f, out, 0,
          grid.wide);
      grid.narrow(k, out, outChannels, y, yOff + n0 * outChannels * g.colCols(), accumulate);
    });
  }

  /** {@code dx += conv2dᵀ(dy, w)} (or {@code =} when not accumulating): the gradient of {@link #forward} in x. */
  static void backwardData(KernelBackend k, ConvGeometry g, int batch, int outChannels, float[] w, int wOff,
      float[] dy, int dyOff, float[] dx, int dxOff, boolean accumulate) {
    int c = g.channels(), taps = g.kernelH() * g.kernelW();
    // flipped[ci][o·taps + t] = w[o][ci·taps + taps − 1 − t]: both axes reversed, in and out swapped
    float[] flipped = Workspace.local().floats(Workspace.Slot.CONV_WEIGHT, c * outChannels * taps);
    for (int o = 0; o < outChannels; o++) {
      for (int ci = 0; ci < c; ci++) {
        int src = wOff + (o * c + ci) * taps, dst = (ci * outChannels + o) * taps;
        for (int t = 0; t < taps; t++) {
          flipped[dst + t] = w[src + taps - 1 - t];
        }
      }
    }
    forward(k, adjoint(g, outChannels), batch, c, dy, dyOff, flipped, 0, dx, dxOff, accumulate);
  }

  /**
   * {@code dw += Σₙ dyₙ · im2col(xₙ)ᵀ}, the gradient of {@link #forward} with respect to w, computed as its
   * transpose {@code dwᵀ = Σ Â · Gᵀ} chunk by chunk: Â's rows are the padded chunk read along the wide
   * grid, G is dy on that grid with zeros in the discarded columns. Chunks run one after another (each
   * GEMM split over the threads) and their size depends on the batch alone, so the order of the sum never
   * depends on the thread count.
   */
  static void backwardWeight(KernelBackend k, ConvGeometry g, int batch, int outChannels, float[] x, int xOff,
      float[] dy, int dyOff, float[] dw, int dwOff) {
    if (batch == 0) {
      return;
    }
    int rows = g.colRows(), chunk = imagesPerChunk(g, batch);
    float[] dwT = Workspace.local().floats(Workspace.Slot.CONV_WEIGHT, rows * outChannels);
    for (int n0 = 0; n0 < batch; n0 += chunk) {
      WideGrid grid = new WideGrid(g, Math.min(chunk, batch - n0));
      float[] padded = grid.pad(x, xOff + n0 * g.imageSize());
      float[] grad = grid.widen(dy, dyOff + n0 * outChannels * g.colCols(), outChannels);
      // dwᵀ (rows × O) (+)= Â (rows × wide) · Gᵀ (wide × O)
      k.sgemmRowTableA(rows, outChannels, grid.wide, 1f, padded, grid.rowStarts(), true, grad, 0, grid.wide,
          n0 == 0 ? 0f : 1f, dwT, 0, outChannels);
    }
    for (int o = 0; o < outChannels; o++) {
      for (int r = 0, to = dwOff + o * rows; r < rows; r++) {
        dw[to + r] += dwT[r * outChannels + o];
      }
    }
  }

  /** Images per GEMM: enough for about {@link #TARGET_COLUMNS} wide columns, at most {@code most}. */
  private static int imagesPerChunk(ConvGeometry g, int most) {
    return Math.max(1, Math.min(most, Math.ceilDiv(TARGET_COLUMNS, WideGrid.columnsPerImage(g))));
  }

  /** The stride-1 convolution that maps the output gradient back to the input. */
  private static ConvGeometry adjoint(ConvGeometry g, int outChannels) {
    return new ConvGeometry(outChannels, g.outHeight(), g.outWidth(), g.kernelH(), g.kernelW(), 1, 1,
        g.kernelH() - 1 - g.padH(), g.kernelW() - 1 - g.padW(), 1, 1);
  }
}
