package dev.vgan.engine.kernel;

/**
 * Stride-1 convolutions without a column matrix. In a zero-padded image of width {@code Wp}, the value
 * a kernel tap {@code (c, ky, kx)} sees at output pixel {@code (oy, ox)} is
 * {@code padded[c·Hp·Wp + ky·Wp + kx + oy·Wp + ox]}: computed on a "wide" output grid of {@code OH × Wp}
 * pixels (the last {@code Wp − OW} of each row are discarded), row r of the column matrix is just the
 * padded image read from {@code base(r)} on, so the GEMM packs its panels straight from the image
 * ({@link KernelBackend#sgemmRowTable}) instead of from a {@code kh·kw}-times larger im2col copy that has to
 * be written and read through memory (W4's 5×5 layers: 20 MB per image). The price is the discarded
 * columns, so {@link #suits} takes only geometries where they are few.
 *
 * <p>Backward-data of a stride-1 convolution is itself one: the output gradient, padded by
 * {@code k − 1 − p}, convolved with the weight flipped in both axes and with in and out channels swapped —
 * so it needs no col2im scatter either. Backward-weight reads the same shifted windows as the rows of its
 * left-hand matrix ({@link KernelBackend#sgemmRowTableA}).
 */
final class DirectConv {
  /** The wide grid may be at most this much larger than the output (14 → 18 columns for W4's 5×5 at 14×14). */
  private static final double MAX_WIDE_RATIO = 1.3;
  /** Below this many output channels the GEMM is a few dot products over B, which im2col streams once. */
  private static final int MIN_OUT_CHANNELS = 16;

  private DirectConv() {}

  /** Whether {@link #forward} handles this convolution (stride 1, no dilation, a narrow discarded margin). */
  static boolean suits(ConvGeometry g, int outChannels) {
    return g.strideH() == 1 && g.strideW() == 1 && g.dilationH() == 1 && g.dilationW() == 1
        && outChannels >= MIN_OUT_CHANNELS
        && ScalarIm2col.paddedWidth(g) <= MAX_WIDE_RATIO * g.outWidth();
  }

  /** Whether {@link #backwardData} handles this convolution: its adjoint must suit as well. */
  static boolean suitsBackwardData(ConvGeometry g, int outChannels) {
    return g.padH() < g.kernelH() && g.padW() < g.kernelW() && suits(adjoint(g, outChannels), g.channels());
  }

  /** {@code y = conv2d(x, w)}, or {@code y += conv2d(x, w)}; w is {@code (outChannels, g.colRows())}. */
  static void forward(KernelBackend k, ConvGeometry g, int batch, int outChannels, float[] x, int xOff,
      float[] w, int wOff, float[] y, int yOff, boolean accumulate) {
    int wp = ScalarIm2col.paddedWidth(g), oh = g.outHeight(), ow = g.outWidth();
    int per = ScalarIm2col.paddedSize(g), wide = oh * wp, rows = g.colRows();
    int[] bRows = rowStarts(g);
    // One image per chunk, in parallel; an image's GEMM runs inline on its thread, or on every thread
    // when there is only one image.
    Parallel.forChunks(batch, Parallel.threads(), n -> {
      Workspace ws = Workspace.local();
      float[] padded = ws.floats(Workspace.Slot.CONV_PADDED, per + g.kernelW());
      padImage(g, x, xOff + n * g.imageSize(), padded);
      float[] out = ws.floats(Workspace.Slot.CONV_CHANNELS, outChannels * wide);
      k.sgemmRowTable(outChannels, wide, rows, 1f, w, wOff, rows, padded, bRows, 0f, out, 0, wide);
      int to = yOff + n * outChannels * oh * ow;
      for (int o = 0; o < outChannels; o++) {
        for (int oy = 0; oy < oh; oy++, to += ow) {
          int from = o * wide + oy * wp;
          if (accumulate) {
            k.axpy(1f, out, from, y, to, ow);
          } else {
            System.arraycopy(out, from, y, to, ow);
          }
        }
      }
    });
  }

  /** {@code dx += conv2dᵀ(dy, w)}: the gradient of {@link #forward} with respect to x. */
  static void backwardData(KernelBackend k, ConvGeometry g, int batch, int outChannels, float[] w, int wOff,
      float[] dy, int dyOff, float[] dx, int dxOff) {
    int c = g.channels(), kh = g.kernelH(), kw = g.kernelW();
    // flipped[ci][(o·kh + ky)·kw + kx] = w[o][(ci·kh + kh−1−ky)·kw + kw−1−kx]
    float[] flipped = Workspace.local().floats(Workspace.Slot.CONV_WEIGHT, c * outChannels * kh * kw);
    int taps = kh * kw;
    for (int o = 0; o < outChannels; o++) {
      for (int ci = 0; ci < c; ci++) {
        int src = wOff + (o * c + ci) * taps, dst = (ci * outChannels + o) * taps;
        for (int t = 0; t < taps; t++) {
          flipped[dst + t] = w[src + taps - 1 - t];
        }
      }
    }
    forward(k, adjoint(g, outChannels), batch, c, dy, dyOff, flipped, 0, dx, dxOff, true);
  }

  /**
   * {@code dw += Σₙ dyₙ · im2col(xₙ)ᵀ}, the gradient of {@link #forward} with respect to w, computed as its
   * transpose {@code dwᵀ = Σₙ Âₙ · Gₙᵀ}: Â's row r is the padded image read from {@code base(r)} along the
   * wide grid, G is dy widened to that grid with zeros in the discarded columns. Images run one after
   * another (each GEMM is split over the threads), so the sum's order never depends on the thread count.
   */
  static void backwardWeight(KernelBackend k, ConvGeometry g, int batch, int outChannels, float[] x, int xOff,
      float[] dy, int dyOff, float[] dw, int dwOff) {
    int wp = ScalarIm2col.paddedWidth(g), oh = g.outHeight(), ow = g.outWidth();
    int per = ScalarIm2col.paddedSize(g), wide = oh * wp, rows = g.colRows();
    int[] aRows = rowStarts(g);
    Workspace ws = Workspace.local();
    float[] padded = ws.floats(Workspace.Slot.CONV_PADDED, per + g.kernelW());
    float[] grad = ws.floats(Workspace.Slot.CONV_CHANNELS, outChannels * wide);
    float[] dwT = ws.floats(Workspace.Slot.CONV_WEIGHT, rows * outChannels);
    for (int n = 0; n < batch; n++) {
      padImage(g, x, xOff + n * g.imageSize(), padded);
      int from = dyOff + n * outChannels * oh * ow;
      for (int o = 0; o < outChannels; o++) {
        for (int oy = 0; oy < oh; oy++, from += ow) {
          int to = o * wide + oy * wp;
          System.arraycopy(dy, from, grad, to, ow);
          java.util.Arrays.fill(grad, to + ow, to + wp, 0f);
        }
      }
      // dwᵀ (rows × O) (+)= Â (rows × wide) · Gᵀ (wide × O)
      k.sgemmRowTableA(rows, outChannels, wide, 1f, padded, aRows, true, grad, 0, wide, n == 0 ? 0f : 1f,
          dwT, 0, outChannels);
    }
    if (batch == 0) {
      return;
    }
    for (int o = 0; o < outChannels; o++) {
      for (int r = 0, to = dwOff + o * rows; r < rows; r++) {
        dw[to + r] += dwT[r * outChannels + o];
      }
    }
  }

  /** Where row r of the column matrix starts in the padded image: {@code base(r)}. */
  private static int[] rowStarts(ConvGeometry g) {
    int[] starts = new int[g.colRows()];
    for (int r = 0; r < starts.length; r++) {
      starts[r] = ScalarIm2col.base(g, r);
    }
    return starts;
  }

  /** The zero-padded image, then kw zeros: the last rows read up to kw − 1 floats past it. */
  private static void padImage(ConvGeometry g, float[] x, int off, float[] padded) {
    int per = ScalarIm2col.paddedSize(g);
    ScalarIm2col.pad(x, off, g, padded, 0);
    java.util.Arrays.fill(padded, per, per + g.kernelW(), 0f);
  }

  /** The stride-1 convolution that maps the output gradient back to the input. */
  private static ConvGeometry adjoint(ConvGeometry g, int outChannels) {
    return new ConvGeometry(outChannels, g.outHeight(), g.outWidth(), g.kernelH(), g.kernelW(), 1, 1,
        g.kernelH() - 1 - g.padH(), g.kernelW() - 1 - g.padW(), 1, 1);
  }
}
