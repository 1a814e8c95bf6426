package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgan.engine.testing.Fixtures;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalarIm2colTest {

  @ParameterizedTest(name = "c={0} h={1} w={2} k={3}x{4} s={5}x{6} p={7}x{8} d={9}x{10}")
  @CsvSource({
      "1,28,28,4,4,2,2,1,1,1,1", // W2 D conv1
      "3,7,5,3,3,1,1,1,1,1,1",
      "2,9,11,3,2,2,3,0,2,1,1",
      "2,10,10,3,3,1,1,2,2,2,2", // dilation
      "1,5,5,5,5,1,1,2,2,1,1",   // 5x5 'same'
      "4,6,7,2,2,1,1,0,0,1,1",
      "1,3,3,3,3,3,3,1,1,1,1",
      "2,7,9,4,4,2,2,3,3,1,1",   // stride 2, odd width, padding wider than half the kernel
      "2,6,10,3,5,1,3,1,4,1,1"})
  void convolutionViaIm2colMatchesDirectConvolution(int c, int h, int w, int kh, int kw, int sh, int sw, int ph,
      int pw, int dh, int dw) {
    ConvGeometry g = new ConvGeometry(c, h, w, kh, kw, sh, sw, ph, pw, dh, dw);
    int outC = 3;
    Random rng = new Random(c * 100 + h);
    float[] image = Fixtures.uniform(rng, g.imageSize() + 2);
    float[] weight = Fixtures.uniform(rng, outC * g.colRows());
    float[] cols = new float[g.colRows() * g.colCols() + 1];
    ScalarBackend.INSTANCE.im2col(image, 2, 1, g, cols, 1, g.colCols());
    float[] out = new float[outC * g.colCols()];
    ScalarBackend.INSTANCE.sgemm(false, false, outC, g.colCols(), g.colRows(), 1f, weight, 0, g.colRows(),
        cols, 1, g.colCols(), 0f, out, 0, g.colCols());

    double[] direct = new double[out.length];
    for (int o = 0; o < outC; o++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        for (int ox = 0; ox < g.outWidth(); ox++) {
          double s = 0;
          for (int ci = 0; ci < c; ci++) {
            for (int ki = 0; ki < kh; ki++) {
              for (int kj = 0; kj < kw; kj++) {
                int iy = oy * sh - ph + ki * dh, ix = ox * sw - pw + kj * dw;
                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                  s += (double) weight[((o * c + ci) * kh + ki) * kw + kj] * image[2 + (ci * h + iy) * w + ix];
                }
              }
            }
          }
          direct[(o * g.outHeight() + oy) * g.outWidth() + ox] = s;
        }
      }
    }
    Fixtures.assertClose("conv", direct, out, 0, g.colRows() * 4 * Fixtures.FLOAT_EPS);
  }

  @ParameterizedTest(name = "c={0} h={1} w={2} k={3} s={4} p={5} d={6}")
  @CsvSource({"2,7,9,4,2,3,1", "1,5,11,3,3,2,1", "1,28,28,4,2,1,1", "3,7,5,3,1,1,1", "2,9,11,3,2,0,1", "2,10,10,3,1,2,2", "128,7,7,4,2,1,1"})
  void col2imIsTheAdjointOfIm2col(int c, int h, int w, int k, int s, int p, int d) {
    ConvGeometry g = new ConvGeometry(c, h, w, k, k, s, s, p, p, d, d);
    Random rng = new Random(h * 7 + c);
    float[] x = Fixtures.uniform(rng, g.imageSize());
    float[] cols = new float[g.colRows() * g.colCols()];
    ScalarBackend.INSTANCE.im2col(x, 0, 1, g, cols, 0, g.colCols());
    float[] y = Fixtures.uniform(rng, cols.length);
    float[] back = new float[x.length];
    ScalarBackend.INSTANCE.col2im(y, 0, g.colCols(), 1, g, back, 0);
    double lhs = ScalarKernelsTest.dot(cols, y), rhs = ScalarKernelsTest.dot(x, back);
    assertEquals(lhs, rhs, 1e-4 * Math.max(1, Math.abs(lhs)), "<im2col(x), y> = <x, col2im(y)>");
  }

  @org.junit.jupiter.api.Test
  void severalImagesSideBySideMatchOneAtATime() {
    for (ConvGeometry g : new ConvGeometry[] {ConvGeometry.square(3, 9, 7, 4, 2, 1), ConvGeometry.square(2, 5, 6, 3, 1, 1)}) {
      int count = 3, hw = g.colCols(), ld = count * hw + 5;
      float[] images = Fixtures.uniform(new Random(7), count * g.imageSize());
      float[] wide = new float[g.colRows() * ld];
      java.util.Arrays.fill(wide, 42f);
      ScalarBackend.INSTANCE.im2col(images, 0, count, g, wide, 0, ld);
      float[] sumOfSingles = new float[images.length];
      for (int j = 0; j < count; j++) {
        float[] one = new float[g.colRows() * hw];
        ScalarBackend.INSTANCE.im2col(images, j * g.imageSize(), 1, g, one, 0, hw);
        for (int r = 0; r < g.colRows(); r++) {
          for (int s = 0; s < hw; s++) {
            assertEquals(one[r * hw + s], wide[r * ld + j * hw + s], "image " + j + " row " + r + " column " + s);
          }
        }
        ScalarBackend.INSTANCE.col2im(one, 0, hw, 1, g, sumOfSingles, j * g.imageSize());
      }
      for (int r = 0; r < g.colRows(); r++) {
        for (int s = count * hw; s < ld; s++) {
          assertEquals(42f, wide[r * ld + s], "the gap after the images is left alone");
        }
      }
      float[] together = new float[images.length];
      ScalarBackend.INSTANCE.col2im(wide, 0, ld, count, g, together, 0);
      org.junit.jupiter.api.Assertions.assertArrayEquals(sumOfSingles, together);
    }
  }

  /** The tables the gathered GEMM reads the column matrix through give im2col's matrix exactly. */
  @ParameterizedTest(name = "c={0} h={1} w={2} k={3}x{4} s={5}x{6} p={7}x{8} d={9}x{10}")
  @CsvSource({"1,28,28,4,4,2,2,1,1,1,1", "2,9,11,3,2,2,3,0,2,1,1", "2,10,10,3,3,1,1,2,2,2,2", "2,7,9,4,4,2,2,3,3,1,1"})
  void gatherTablesReadIm2colsMatrix(int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh,
      int dw) {
    ConvGeometry g = new ConvGeometry(c, h, w, kh, kw, sh, sw, ph, pw, dh, dw);
    int count = 3, ld = count * g.colCols();
    float[] images = Fixtures.uniform(new Random(c + 10L * h), count * g.imageSize() + 1);
    float[] cols = new float[g.colRows() * ld];
    ScalarBackend.INSTANCE.im2col(images, 1, count, g, cols, 0, ld);
    float[] padded = ScalarIm2col.padImages(images, 1, count, g);
    int[] rows = ScalarIm2col.rowStarts(g), pixels = ScalarIm2col.pixelOffsets(g, count);
    assertEquals(ld, pixels.length);
    for (int r = 0; r < g.colRows(); r++) {
      for (int j = 0; j < ld; j++) {
        assertEquals(cols[r * ld + j], padded[rows[r] + pixels[j]], "row " + r + " column " + j);
      }
    }
  }
}
