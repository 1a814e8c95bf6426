package dev.vgan.engine.kernel;

import java.util.Arrays;

/**
 * im2col and col2im for one image. These are memory-bound gathers; every backend on the CPU shares
 * this implementation. Each column-matrix row is split once into a zero-padding head, an in-bounds
 * body and a zero-padding tail, so no per-element bounds test is needed, and stride 1 copies with
 * {@code System.arraycopy}.
 */
public final class ScalarIm2col {
  private ScalarIm2col() {}

  /** See {@link KernelBackend#im2col}. */
  public static void im2col(float[] image, int imageOff, ConvGeometry g, float[] cols, int colsOff, int ldCols) {
    int oh = g.outHeight(), ow = g.outWidth(), h = g.height(), w = g.width();
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int ki = 0; ki < g.kernelH(); ki++) {
        for (int kj = 0; kj < g.kernelW(); kj++, row++) {
          int dx = kj * g.dilationW() - g.padW();
          int lo = firstInside(dx, g.strideW(), ow);
          int hi = endInside(dx, g.strideW(), w, ow);
          int rowBase = colsOff + row * ldCols;
          for (int oy = 0; oy < oh; oy++) {
            int iy = oy * g.strideH() - g.padH() + ki * g.dilationH();
            int dst = rowBase + oy * ow;
            if (iy < 0 || iy >= h || lo >= hi) {
              Arrays.fill(cols, dst, dst + ow, 0f);
              continue;
            }
            Arrays.fill(cols, dst, dst + lo, 0f);
            int src = imageOff + (c * h + iy) * w + dx;
            if (g.strideW() == 1) {
              System.arraycopy(image, src + lo, cols, dst + lo, hi - lo);
            } else {
              for (int ox = lo; ox < hi; ox++) {
                cols[dst + ox] = image[src + ox * g.strideW()];
              }
            }
            Arrays.fill(cols, dst + hi, dst + ow, 0f);
          }
        }
      }
    }
  }

  /** See {@link KernelBackend#col2im}. */
  public static void col2im(float[] cols, int colsOff, int ldCols, ConvGeometry g, float[] image, int imageOff) {
    int oh = g.outHeight(), ow = g.outWidth(), h = g.height(), w = g.width();
    int row = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int ki = 0; ki < g.kernelH(); ki++) {
        for (int kj = 0; kj < g.kernelW(); kj++, row++) {
          int dx = kj * g.dilationW() - g.padW();
          int lo = firstInside(dx, g.strideW(), ow);
          int hi = endInside(dx, g.strideW(), w, ow);
          int rowBase = colsOff + row * ldCols;
          for (int oy = 0; oy < oh; oy++) {
            int iy = oy * g.strideH() - g.padH() + ki * g.dilationH();
            if (iy < 0 || iy >= h) {
              continue;
            }
            int src = rowBase + oy * ow;
            int dst = imageOff + (c * h + iy) * w + dx;
            for (int ox = lo; ox < hi; ox++) {
              image[dst + ox * g.strideW()] += cols[src + ox];
            }
          }
        }
      }
    }
  }

  /** The first output column whose input column {@code ox * stride + dx} is {@code >= 0}. */
  private static int firstInside(int dx, int stride, int ow) {
    return dx >= 0 ? 0 : Math.min(ow, (-dx + stride - 1) / stride);
  }

  /** One past the last output column whose input column {@code ox * stride + dx} is {@code < w}. */
  private static int endInside(int dx, int stride, int w, int ow) {
    int room = w - dx; // input columns left from dx
    return room <= 0 ? 0 : Math.min(ow, (room - 1) / stride + 1);
  }
}
