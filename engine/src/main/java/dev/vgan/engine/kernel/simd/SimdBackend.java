package dev.vgan.engine.kernel.simd;

import dev.vgan.engine.kernel.AdamCoefficients;
import dev.vgan.engine.kernel.ChannelReductions;
import dev.vgan.engine.kernel.ConvGeometry;
import dev.vgan.engine.kernel.KernelBackend;
import dev.vgan.engine.kernel.ScalarIm2col;
import dev.vgan.engine.kernel.ScalarUpsample;
import dev.vgan.engine.kernel.SoftmaxRows;

/**
 * The Vector API backend: arithmetic on {@code SPECIES_PREFERRED} (or {@code engine.vectorBits}).
 * The memory-bound layout kernels (im2col/col2im, nearest upsampling) are gathers with no arithmetic to
 * vectorize and share the reference implementation.
 */
public final class SimdBackend implements KernelBackend {
  /** The one instance; loaded reflectively by {@code Backends} only when the incubator module is present. */
  public static final SimdBackend INSTANCE = new SimdBackend();

  private SimdBackend() {}

  /** The vector width in bits this backend runs at. */
  public static int vectorBits() {
    return SimdSpecies.FLOAT.vectorBitSize();
  }

  @Override
  public String name() {
    return "simd-" + vectorBits();
  }

  @Override
  public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    SimdSgemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  @Override
  public void im2col(float[] image, int imageOff, ConvGeometry g, float[] cols, int colsOff) {
    ScalarIm2col.im2col(image, imageOff, g, cols, colsOff);
  }

  @Override
  public void col2im(float[] cols, int colsOff, ConvGeometry g, float[] image, int imageOff) {
    ScalarIm2col.col2im(cols, colsOff, g, image, imageOff);
  }

  @Override
  public void relu(float[] x, int xOff, float[] y, int yOff, int n) {
    SimdMaps.relu(x, xOff, y, yOff, n);
  }

  @Override
  public void reluBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    SimdMaps.reluBackward(x, xOff, dy, dyOff, dx, dxOff, n);
  }

  @Override
  public void leakyRelu(float slope, float[] x, int xOff, float[] y, int yOff, int n) {
    SimdMaps.leakyRelu(slope, x, xOff, y, yOff, n);
  }

  @Override
  public void leakyReluBackward(float slope, float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff,
      int n) {
    SimdMaps.leakyReluBackward(slope, x, xOff, dy, dyOff, dx, dxOff, n);
  }

  @Override
  public void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
    SimdMaps.tanh(x, xOff, y, yOff, n);
  }

  @Override
  public void tanhBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    SimdMaps.tanhBackward(y, yOff, dy, dyOff, dx, dxOff, n);
  }

  @Override
  public void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
    SimdMaps.sigmoid(x, xOff, y, yOff, n);
  }

  @Override
  public void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    SimdMaps.sigmoidBackward(y, yOff, dy, dyOff, dx, dxOff, n);
  }

  @Override
  public void add(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    SimdMaps.add(a, aOff, b, bOff, y, yOff, n);
  }

  @Override
  public void mul(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    SimdMaps.mul(a, aOff, b, bOff, y, yOff, n);
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    SimdMaps.axpy(alpha, x, xOff, y, yOff, n);
  }

  @Override
  public void scale(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    SimdMaps.scale(alpha, x, xOff, y, yOff, n);
  }

  @Override
  public float sum(float[] x, int xOff, int n) {
    return SimdReductions.sum(x, xOff, n);
  }

  @Override
  public float max(float[] x, int xOff, int n) {
    return SimdReductions.max(x, xOff, n);
  }

  @Override
  public void channelSums(float[] x, int xOff, int batch, int channels, int spatial, float[] sums) {
    ChannelReductions.channelSums(SimdReductions::sum, x, xOff, batch, channels, spatial, sums);
  }

  @Override
  public void channelSumSquares(float[] x, int xOff, int batch, int channels, int spatial, float[] center,
      float[] out) {
    ChannelReductions.channelSumSquares(SimdReductions::sumSquares, x, xOff, batch, channels, spatial, center,
        out);
  }

  @Override
  public void softmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
    SoftmaxRows.softmax(SimdSoftmax.INSTANCE, x, xOff, y, yOff, rows, cols);
  }

  @Override
  public void logSoftmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
    SoftmaxRows.logSoftmax(SimdSoftmax.INSTANCE, x, xOff, y, yOff, rows, cols);
  }

  @Override
  public void upsampleNearest(float[] x, int xOff, int planes, int h, int w, int factor, float[] y, int yOff) {
    ScalarUpsample.upsampleNearest(x, xOff, planes, h, w, factor, y, yOff);
  }

  @Override
  public void upsampleNearestBackward(float[] dy, int dyOff, int planes, int h, int w, int factor, float[] dx,
      int dxOff) {
    ScalarUpsample.upsampleNearestBackward(dy, dyOff, planes, h, w, factor, dx, dxOff);
  }

  @Override
  public void adamUpdate(AdamCoefficients k, float[] grad, float[] param, float[] m, float[] v, int off, int n) {
    SimdAdam.adamUpdate(k, grad, param, m, v, off, n);
  }
}
