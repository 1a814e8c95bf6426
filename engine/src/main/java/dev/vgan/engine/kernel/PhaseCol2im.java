package dev.vgan.engine.kernel;

import java.util.Arrays;

/**
 * col2im without a scatter, for strided convolutions whose kernel spans a whole number of strides (W2's
 * 4×4, stride 2: the ConvTranspose2d(256, 128) forward and the Conv2d(64, 128) backward-data).
 *
 * <p>Split the padded image by phase: padded row {@code yp = oy·s + ki} falls in phase {@code a = ki mod s}
 * at phase row {@code Y = oy + ki div s}, and likewise for columns. A column-matrix row (c, ki, kj) then adds
 * its {@code OH × OW} block to the phase plane (c, ki mod sh, kj mod sw) shifted by {@code (ki div sh, kj
 * div sw)} — a shift, not a scatter. With the block's rows laid out at the plane's pitch
 * {@code Q = OW + kw/sw − 1}, the shift is one offset for the whole block, so each row of the column matrix
 * is a single contiguous add. The GEMM produces that layout when its right-hand matrix is the output
 * gradient on a "wide" grid of Q columns per row, the extra ones zero: their column-matrix entries are
 * zero, and adding them where they land (the next row's first columns, or a plane's slack) changes nothing.
 * The column matrix itself is never stored: its tiles are added to the planes as the GEMM hands them over
 * ({@link #addProduct}). The planes are then interleaved into the image.
 *
 * <p>Each padded pixel receives the same terms in the same order as in {@link ScalarIm2col#col2im} (rows
 * ascending, onto zero), so the result is the same. Shapes as in {@link ConvLowering}.
 */
final class PhaseCol2im {
  private final ConvGeometry g;
  private final int images;
  private final int pitch;
  private final int planeRows;
  /** Floats per phase plane: {@code planeRows · pitch}, then slack for the last shifted row. */
  private final int planeStride;
  /** Wide-grid columns per image: {@code OH · Q}. */
  private final int perImage;
  /** Columns of the wide grid: the GEMM's n. */
  final int wide;
  /** Floats per image-channel pair: its phase planes, then one that stays zero. */
  private final int unitSize;
  /** Per pixel of an image channel: where it sits in the pair's planes (the zero float if no tap reaches it). */
  private final int[] source;
  /**
   * Per tap (ki, kj) of the kernel: where its column-matrix row lands in the pair's planes, phase plane
   * (ki mod sh, kj mod sw) shifted by (ki div sh, kj div sw).
   */
  private final int[] tapShift;

  PhaseCol2im(ConvGeometry g, int images) {
    this.g = g;
    this.images = images;
    int tapsH = g.kernelH() / g.strideH(), tapsW = g.kernelW() / g.strideW();
    this.pitch = g.outWidth() + tapsW - 1;
    this.planeRows = g.outHeight() + tapsH - 1;
    this.planeStride = planeRows * pitch + tapsW - 1;
    this.perImage = g.outHeight() * pitch;
    this.wide = images * perImage;
    int phases = g.strideH() * g.strideW();
    this.unitSize = phases * planeStride + 1;
    this.source = sources(phases * planeStride);
    this.tapShift = new int[g.kernelH() * g.kernelW()];
    for (int ki = 0; ki < g.kernelH(); ki++) {
      for (int kj = 0; kj < g.kernelW(); kj++) {
        tapShift[ki * g.kernelW() + kj] = ((ki % g.strideH()) * g.strideW() + kj % g.strideW()) * planeStride
            + (ki / g.strideH()) * pitch + kj / g.strideW();
      }
    }
  }

  /** {@link #source}: pixel (y, x) reads phase plane (yp mod sh, xp mod sw) at (yp div sh, xp div sw). */
  private int[] sources(int zero) {
    int h = g.height(), w = g.width(), sh = g.strideH(), sw = g.strideW();
    int[] at = new int[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int yp = y + g.padH(), xp = x + g.padW(), row = yp / sh, col = xp / sw;
        at[y * w + x] = row < planeRows && col < pitch
            ? ((yp % sh) * sw + xp % sw) * planeStride + row * pitch + col
            : zero;                                   // beyond every tap: the pixel receives nothing
      }
    }
    return at;
  }

  /**
   * Whether this path applies and pays: a stride above 1, no dilation, kernels that are whole strides, and
   * a column matrix at least as large as the output gradient — widening the gradient costs short row
   * copies, which W2's single-channel layers (16 column rows against 64 or 128 gradient channels) did not
   * earn back: 0.41 → 0.75 ms for the ConvTranspose2d(128, 1) forward, while the 2048-row one went 11.8 →
   * 11.3 ms and the Conv2d(64, 128) backward-data 3.6–4.0 → 3.3–3.4 ms (batch 64, 2 threads).
   */
  static boolean suits(ConvGeometry g, int outChannels) {
    return (g.strideH() > 1 || g.strideW() > 1) && g.dilationH() == 1 && g.dilationW() == 1
        && g.kernelH() % g.strideH() == 0 && g.kernelW() % g.strideW() == 0 && g.colRows() >= outChannels;
  }

  /**
   * The output gradient {@code dy (images, O, OH, OW)} at {@code dy[off ..]} on the grid {@code (O, wide)},
   * zero in the extra columns, in this thread's workspace: the GEMM's right-hand matrix.
   */
  float[] widen(float[] dy, int off, int outChannels) {
    float[] grad = Workspace.local().floats(Workspace.Slot.CONV_CHANNELS, outChannels * wide);
    int oh = g.outHeight(), ow = g.outWidth();
    for (int o = 0; o < outChannels; o++) {
      for (int j = 0; j < images; j++) {
        int to = o * wide + j * perImage;
        int from = off + (j * outChannels + o) * oh * ow;
        // Runs of a few floats: plain loops cost less than arraycopy and fill calls.
        for (int oy = 0; oy < oh; oy++, to += pitch, from += ow) {
          for (int ox = 0; ox < ow; ox++) {
            grad[to + ox] = dy[from + ox];
          }
          for (int ox = ow; ox < pitch; ox++) {
            grad[to + ox] = 0f;
          }
        }
      }
    }
    return grad;
  }

  /**
   * {@code dx (images, C, H, W) += col2im(Wᵀ · grad)} ({@code =} when not {@code accumulate}) for a weight {@code w (O, C·kh·kw)}, given as the
   * left operand {@code weight} (Wᵀ, {@code C·kh·kw × O}, possibly prepared for every chunk), and the widened
   * gradient {@code grad (O, wide)} ({@link #widen}), without the column matrix: each tile of the product is
   * added to its phase planes as it comes from the GEMM, while it is still in cache. The GEMM hands row r's
   * elements to positions that fall as r rises within a channel ({@link #tapShift} grows with the tap), so
   * by {@link KernelBackend#sgemmTiles}' order every plane position still receives its terms rows ascending.
   * Channels are the GEMM's row groups, so threads never share a plane; the planes are then interleaved
   * into dx, image-channel pairs split over the threads (a nested call from a pool task runs inline).
   */
  void addProduct(KernelBackend k, GemmLeft weight, float[] grad, float[] dx, int dxOff, boolean accumulate) {
    int c = g.channels(), hw = g.height() * g.width(), taps = g.kernelH() * g.kernelW();
    float[] planes = Workspace.local().floats(Workspace.Slot.CONV_PADDED, images * c * unitSize);
    Arrays.fill(planes, 0, images * c * unitSize, 0f);
    k.sgemmTiles(weight, false, wide, grad, 0, wide, taps,
        (tile, t, ld, row, rows, col, cols) -> addTile(k, tile, t, ld, row, rows, col, cols, planes));
    Parallel.forRange(images * c, 1, Parallel.threads(), (u0, u1) -> {
      for (int u = u0; u < u1; u++) {
        int at = u * unitSize, to = dxOff + u * hw;
        for (int i = 0; i < hw; i++) {     // the invariant test is unswitched out of the loop by the JIT
          dx[to + i] = (accumulate ? dx[to + i] : 0f) + planes[at + source[i]];
        }
      }
    });
  }

  /**
   * Adds rows {@code row..} × columns {@code col..} of the column matrix to their phase planes: row
   * (channel, tap) at its tap's shift in each image's planes, the columns cut where an image ends (the
   * same cuts for every row of the tile).
   */
  private void addTile(KernelBackend k, float[] tile, int t, int ld, int row, int rows, int col, int cols,
      float[] planes) {
    int taps = tapShift.length, imageStride = g.channels() * unitSize;
    int image = col / perImage, x = col - image * perImage, firstRun = Math.min(cols, perImage - x);
    int channel = row / taps, tap = row - channel * taps;
    for (int r = 0; r < rows; r++) {
      int from = t + r * ld, to = image * imageStride + channel * unitSize + tapShift[tap];
      k.axpy(1f, tile, from, planes, to + x, firstRun);
      for (int done = firstRun; done < cols; done += perImage) {     // runs in the next images, from x = 0
        to += imageStride;
        k.axpy(1f, tile, from + done, planes, to, Math.min(perImage, cols - done));
      }
      if (++tap == taps) {
        tap = 0;
        channel++;
      }
    }
  }
}
