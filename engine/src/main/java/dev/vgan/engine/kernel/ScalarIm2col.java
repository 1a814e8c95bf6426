package dev.vgan.engine.kernel;

import java.util.Arrays;

/**
 * im2col and col2im for a run of images, by way of zero-padded copies: with the padding made real,
 * every column-matrix row is one gather {@code cols[r, j·HW + s] = padded[base(r) + offset(j, s)]} —
 * {@code base} fixed by the row's channel and kernel tap, {@code offset} by the image and output pixel
 * and the same for every row — with no bounds tests, over all the images at once. Work is split over
 * the thread pool by rows (im2col) or by images (col2im, whose rows overlap). Every CPU backend shares
 * this code: Vector API gathers and scatters were measured no faster here (gather 0.44 vs 0.48 ns per
 * element, scatter-add 0.60 vs 0.53, W2 geometries, AVX-512), as the loop is bound by memory traffic. The
 * lowered convolutions no longer write the matrix out: the GEMM gathers it from the same padded copy and
 * tables ({@link #padImages}, {@link #rowStarts}, {@link #pixelOffsets}) as it packs its panels
 * ({@link KernelBackend#sgemmGathered}).
 */
public final class ScalarIm2col {
  private ScalarIm2col() {}

  /** See {@link KernelBackend#im2col}. */
  public static void im2col(float[] images, int imagesOff, int count, ConvGeometry g, float[] cols,
      int colsOff, int ldCols) {
    float[] padded = padImages(images, imagesOff, count, g);
    int[] offsets = pixelOffsets(g, count);
    Parallel.forRange(g.colRows(), 1, Parallel.threads(), (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        gatherRow(padded, base(g, r), offsets, 0, offsets.length, cols, colsOff + r * ldCols);
      }
    });
  }

  /**
   * {@code count} images zero-padded one after another in this thread's workspace: what the column matrix of
   * {@link #im2col} is gathered from, {@code cols[r][c] = padded[rowStarts[r] + pixelOffsets[c]]}.
   */
  public static float[] padImages(float[] images, int imagesOff, int count, ConvGeometry g) {
    int per = paddedSize(g);
    float[] padded = Workspace.local().floats(Workspace.Slot.CONV_PADDED, count * per);
    Parallel.forRange(count, 1, Parallel.threads(), (j0, j1) -> {
      for (int j = j0; j < j1; j++) {
        pad(images, imagesOff + j * g.imageSize(), g, padded, j * per);
      }
    });
    return padded;
  }

  /** Per column-matrix row {@code r = (c·kh + ki)·kw + kj}: where it starts reading in {@link #padImages}' copy. */
  public static int[] rowStarts(ConvGeometry g) {
    int[] starts = new int[g.colRows()];
    for (int r = 0; r < starts.length; r++) {
      starts[r] = base(g, r);
    }
    return starts;
  }

  /** Per column {@code j·HW + s} of {@code count} images' column matrices: its offset from a row's start. */
  public static int[] pixelOffsets(ConvGeometry g, int count) {
    return offsets(g, count, paddedSize(g));
  }

  /** See {@link KernelBackend#col2im}. */
  public static void col2im(float[] cols, int colsOff, int ldCols, int count, ConvGeometry g,
      float[] images, int imagesOff) {
    int per = paddedSize(g), hw = g.colCols(), taps = g.kernelH() * g.kernelW();
    float[] padded = Workspace.local().floats(Workspace.Slot.CONV_PADDED, count * per);
    int[] offsets = offsets(g, count, per);
    if (count >= Parallel.threads()) {
      Parallel.forRange(count, 1, Parallel.threads(), (j0, j1) -> {  // images are disjoint: no write races
        Arrays.fill(padded, j0 * per, j1 * per, 0f);
        for (int r = 0; r < g.colRows(); r++) {
          scatterAddRow(cols, colsOff + r * ldCols + j0 * hw, padded, base(g, r), offsets, j0 * hw,
              (j1 - j0) * hw);
        }
        for (int j = j0; j < j1; j++) {
          unpadAdd(padded, j * per, 0, g.channels(), g, images, imagesOff + j * g.imageSize());
        }
      });
      return;
    }
    // Fewer images than threads (a batch of one): split each image by channels, whose rows write
    // disjoint planes; every value still receives its rows in the same order.
    int plane = per / g.channels();
    for (int j = 0; j < count; j++) {
      int image = j;
      Parallel.forRange(g.channels(), 1, Parallel.threads(), (c0, c1) -> {
        Arrays.fill(padded, image * per + c0 * plane, image * per + c1 * plane, 0f);
        for (int r = c0 * taps; r < c1 * taps; r++) {
          scatterAddRow(cols, colsOff + r * ldCols + image * hw, padded, base(g, r), offsets, image * hw, hw);
        }
        unpadAdd(padded, image * per, c0, c1, g, images, imagesOff + image * g.imageSize());
      });
    }
  }

  /** {@code cols[dst + s] = padded[base + offsets[from + s]]} for s in [0, n); also {@link ScalarSgemm#gatherWhole}'s. */
  static void gatherRow(float[] padded, int base, int[] offsets, int from, int n, float[] cols, int dst) {
    for (int s = 0; s < n; s++) {
      cols[dst + s] = padded[base + offsets[from + s]];
    }
  }

  /** {@code padded[base + offsets[from + s]] += cols[src + s]} for s in [0, n). */
  private static void scatterAddRow(float[] cols, int src, float[] padded, int base, int[] offsets, int from,
      int n) {
    for (int s = 0; s < n; s++) {
      padded[base + offsets[from + s]] += cols[src + s];
    }
  }

  private static int paddedWidth(ConvGeometry g) {
    return g.width() + 2 * g.padW();
  }

  private static int paddedHeight(ConvGeometry g) {
    return g.height() + 2 * g.padH();
  }

  private static int paddedSize(ConvGeometry g) {
    return g.channels() * paddedHeight(g) * paddedWidth(g);
  }

  /** Where column-matrix row {@code r = (c·kh + ki)·kw + kj} starts reading in a padded image. */
  private static int base(ConvGeometry g, int r) {
    int kj = r % g.kernelW(), ki = (r / g.kernelW()) % g.kernelH(), c = r / (g.kernelW() * g.kernelH());
    return (c * paddedHeight(g) + ki * g.dilationH()) * paddedWidth(g) + kj * g.dilationW();
  }

  /** For image {@code j} and output pixel {@code s = oy·OW + ox}: its offset from a row's base. */
  private static int[] offsets(ConvGeometry g, int count, int per) {
    int ow = g.outWidth(), wp = paddedWidth(g), hw = g.colCols();
    int[] off = new int[count * hw];
    for (int oy = 0, s = 0; oy < g.outHeight(); oy++) {
      for (int ox = 0; ox < ow; ox++, s++) {
        off[s] = oy * g.strideH() * wp + ox * g.strideW();
      }
    }
    for (int j = 1; j < count; j++) {
      for (int s = 0; s < hw; s++) {
        off[j * hw + s] = off[s] + j * per;
      }
    }
    return off;
  }

  /** Writes one image, zero-padded, at {@code padded[at ..]}. */
  private static void pad(float[] image, int imageOff, ConvGeometry g, float[] padded, int at) {
    int w = g.width(), h = g.height(), wp = paddedWidth(g), hp = paddedHeight(g);
    Arrays.fill(padded, at, at + paddedSize(g), 0f);
    for (int c = 0; c < g.channels(); c++) {
      for (int y = 0; y < h; y++) {
        System.arraycopy(image, imageOff + (c * h + y) * w, padded, at + (c * hp + y + g.padH()) * wp + g.padW(), w);
      }
    }
  }

  /** {@code image += } the interior of channels {@code [c0, c1)} of the padded image at {@code padded[at ..]}. */
  private static void unpadAdd(float[] padded, int at, int c0, int c1, ConvGeometry g, float[] image, int imageOff) {
    int w = g.width(), h = g.height(), wp = paddedWidth(g), hp = paddedHeight(g);
    for (int c = c0; c < c1; c++) {
      for (int y = 0; y < h; y++) {
        int src = at + (c * hp + y + g.padH()) * wp + g.padW(), dst = imageOff + (c * h + y) * w;
        for (int x = 0; x < w; x++) {
          image[dst + x] += padded[src + x];
        }
      }
    }
  }
}
