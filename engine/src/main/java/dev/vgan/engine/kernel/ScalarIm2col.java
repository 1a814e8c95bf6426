package dev.vgan.engine.kernel;

import java.util.Arrays;

/**
 * im2col and col2im for one image, by way of a zero-padded copy: with the padding made real, every
 * column-matrix row is one gather {@code cols[r, s] = padded[base(r) + offset(s)]} — {@code base} fixed
 * by the row's channel and kernel tap, {@code offset} by the output pixel and the same for every row —
 * with no bounds tests. The row gathers and scatters come from the backend ({@link Rows}): vector
 * gather/scatter in the SIMD backend, {@link #SCALAR_ROWS} as the reference and the tails.
 */
public final class ScalarIm2col {
  /** One backend's row primitives. */
  public interface Rows {
    /** {@code cols[dst + s] = padded[base + offsets[s]]} for s in [0, n). */
    void gather(float[] padded, int base, int[] offsets, int n, float[] cols, int dst);

    /** {@code padded[base + offsets[s]] += cols[src + s]} for s in [0, n); the offsets are distinct. */
    void scatterAdd(float[] cols, int src, float[] padded, int base, int[] offsets, int n);
  }

  /** The reference row primitives. */
  public static final Rows SCALAR_ROWS = new Rows() {
    @Override
    public void gather(float[] padded, int base, int[] offsets, int n, float[] cols, int dst) {
      gatherRow(padded, base, offsets, 0, n, cols, dst);
    }

    @Override
    public void scatterAdd(float[] cols, int src, float[] padded, int base, int[] offsets, int n) {
      scatterAddRow(cols, src, padded, base, offsets, 0, n);
    }
  };

  private ScalarIm2col() {}

  /** See {@link KernelBackend#im2col}. */
  public static void im2col(Rows rows, float[] image, int imageOff, ConvGeometry g, float[] cols, int colsOff,
      int ldCols) {
    float[] padded = pad(image, imageOff, g);
    int[] offsets = offsets(g);
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int ki = 0; ki < g.kernelH(); ki++) {
        for (int kj = 0; kj < g.kernelW(); kj++, row++) {
          rows.gather(padded, base(g, c, ki, kj), offsets, offsets.length, cols, colsOff + row * ldCols);
        }
      }
    }
  }

  /** See {@link KernelBackend#col2im}. */
  public static void col2im(Rows rows, float[] cols, int colsOff, int ldCols, ConvGeometry g, float[] image,
      int imageOff) {
    float[] padded = zeroPadded(g);
    int[] offsets = offsets(g);
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int ki = 0; ki < g.kernelH(); ki++) {
        for (int kj = 0; kj < g.kernelW(); kj++, row++) {
          rows.scatterAdd(cols, colsOff + row * ldCols, padded, base(g, c, ki, kj), offsets, offsets.length);
        }
      }
    }
    unpadAdd(padded, g, image, imageOff);
  }

  /** {@code cols[dst + s] = padded[base + offsets[s]]} for s in [from, to). */
  public static void gatherRow(float[] padded, int base, int[] offsets, int from, int to, float[] cols, int dst) {
    for (int s = from; s < to; s++) {
      cols[dst + s] = padded[base + offsets[s]];
    }
  }

  /** {@code padded[base + offsets[s]] += cols[src + s]} for s in [from, to) (offsets are distinct). */
  public static void scatterAddRow(float[] cols, int src, float[] padded, int base, int[] offsets, int from, int to) {
    for (int s = from; s < to; s++) {
      padded[base + offsets[s]] += cols[src + s];
    }
  }

  /** Width of the padded image. */
  private static int paddedWidth(ConvGeometry g) {
    return g.width() + 2 * g.padW();
  }

  /** Height of the padded image. */
  private static int paddedHeight(ConvGeometry g) {
    return g.height() + 2 * g.padH();
  }

  /** Where row {@code (c, ki, kj)} starts reading in the padded image. */
  public static int base(ConvGeometry g, int c, int ki, int kj) {
    return (c * paddedHeight(g) + ki * g.dilationH()) * paddedWidth(g) + kj * g.dilationW();
  }

  /** For each output pixel {@code s = oy·OW + ox}, its offset in the padded image from a row's base. */
  public static int[] offsets(ConvGeometry g) {
    int ow = g.outWidth(), wp = paddedWidth(g);
    int[] off = new int[g.colCols()];
    for (int oy = 0, s = 0; oy < g.outHeight(); oy++) {
      for (int ox = 0; ox < ow; ox++, s++) {
        off[s] = oy * g.strideH() * wp + ox * g.strideW();
      }
    }
    return off;
  }

  /** A zero-padded copy of one image in this thread's workspace. */
  public static float[] pad(float[] image, int imageOff, ConvGeometry g) {
    float[] padded = zeroPadded(g);
    int w = g.width(), wp = paddedWidth(g), hp = paddedHeight(g);
    for (int c = 0; c < g.channels(); c++) {
      for (int y = 0; y < g.height(); y++) {
        System.arraycopy(image, imageOff + (c * g.height() + y) * w, padded,
            (c * hp + y + g.padH()) * wp + g.padW(), w);
      }
    }
    return padded;
  }

  /** This thread's padded-image buffer, all zeros. */
  public static float[] zeroPadded(ConvGeometry g) {
    int size = g.channels() * paddedHeight(g) * paddedWidth(g);
    float[] padded = Workspace.local().floats(Workspace.Slot.CONV_PADDED, size);
    Arrays.fill(padded, 0, size, 0f);
    return padded;
  }

  /** {@code image += } the interior of {@code padded} (what col2im scattered inside the image). */
  public static void unpadAdd(float[] padded, ConvGeometry g, float[] image, int imageOff) {
    int w = g.width(), wp = paddedWidth(g), hp = paddedHeight(g);
    for (int c = 0; c < g.channels(); c++) {
      for (int y = 0; y < g.height(); y++) {
        int src = (c * hp + y + g.padH()) * wp + g.padW(), dst = imageOff + (c * g.height() + y) * w;
        for (int x = 0; x < w; x++) {
          image[dst + x] += padded[src + x];
        }
      }
    }
  }
}
