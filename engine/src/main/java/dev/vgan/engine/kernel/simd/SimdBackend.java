package dev.vgan.engine.kernel.simd;

import dev.vgan.engine.kernel.AdamCoefficients;
import dev.vgan.engine.kernel.CpuBackend;
import dev.vgan.engine.kernel.GemmLeft;
import dev.vgan.engine.kernel.GemmTileSink;
import dev.vgan.engine.kernel.SoftmaxRows;

/**
 * The Vector API backend: arithmetic on {@code SPECIES_PREFERRED} (or {@code engine.vectorBits}). The
 * memory-bound layout kernels come from {@link CpuBackend}.
 */
public final class SimdBackend extends CpuBackend {
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
  public int gemmTileColumns() {
    return SimdMicroKernel.NR;
  }

  @Override
  protected float rowSum(float[] x, int off, int n) {
    return SimdReductions.sum(x, off, n);
  }

  @Override
  protected float rowSumSquares(float[] x, int off, float center, int n) {
    return SimdReductions.sumSquares(x, off, center, n);
  }

  @Override
  protected float rowDotCentered(float[] g, int gOff, float[] x, int xOff, float center, int n) {
    return SimdReductions.dotCentered(g, gOff, x, xOff, center, n);
  }

  @Override
  protected SoftmaxRows.RowKernels softmaxKernels() {
    return SimdSoftmax.INSTANCE;
  }

  @Override
  public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    SimdSgemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  @Override
  public void sgemmRowTable(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b,
      int[] bRows, float beta, float[] c, int cOff, int ldc) {
    SimdSgemm.sgemmRowTable(m, n, k, alpha, a, aOff, lda, b, bRows, beta, c, cOff, ldc);
  }

  @Override
  public void sgemmRowTableA(int m, int n, int k, float alpha, float[] a, int[] aRows, boolean transB, float[] b,
      int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    SimdSgemm.sgemmRowTableA(m, n, k, alpha, a, aRows, transB, b, bOff, ldb, beta, c, cOff, ldc);
  }

  @Override
  public void sgemmGathered(GemmLeft a, int n, float alpha, float[] b, int[] bRows, int[] bCols, float beta,
      float[] c, int cOff, int ldc) {
    SimdSgemm.sgemmGathered(a, n, alpha, b, bRows, bCols, beta, c, cOff, ldc);
  }

  @Override
  public void sgemmTiles(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb, int rowGroup, GemmTileSink sink) {
    if (SimdSgemm.tilesFromRegisters(m, n, k)) {
      SimdSgemm.sgemmTiles(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, rowGroup, sink);
    } else {
      GemmTileSink.byRows(this, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, sink);
    }
  }

  @Override
  public GemmLeft prepareLeft(boolean transA, int m, int k, float[] a, int aOff, int lda) {
    return SimdSgemm.prepareLeft(transA, m, k, a, aOff, lda);
  }

  @Override
  public GemmLeft keepLeft(boolean transA, int m, int k, float[] a, int aOff, int lda) {
    return SimdSgemm.keepLeft(transA, m, k, a, aOff, lda);
  }

  @Override
  public void sgemm(GemmLeft a, boolean transB, int n, float alpha, float[] b, int bOff, int ldb, float beta,
      float[] c, int cOff, int ldc) {
    SimdSgemm.sgemm(a, transB, n, alpha, b, bOff, ldb, beta, c, cOff, ldc);
  }

  @Override
  public void sgemmTiles(GemmLeft a, boolean transB, int n, float[] b, int bOff, int ldb, int rowGroup,
      GemmTileSink sink) {
    if (a.packed() != null && SimdSgemm.tilesFromRegisters(a.m(), n, a.k())) {
      SimdSgemm.sgemmTiles(a, transB, n, b, bOff, ldb, rowGroup, sink);
    } else {
      sgemmTiles(a.transA(), transB, a.m(), n, a.k(), a.a(), a.aOff(), a.lda(), b, bOff, ldb, rowGroup, sink);
    }
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
  public void mulAdd(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    SimdMaps.mulAdd(a, aOff, b, bOff, y, yOff, n);
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
  public void adamUpdate(AdamCoefficients k, float[] grad, float[] param, float[] m, float[] v, int off, int n) {
    SimdAdam.adamUpdate(k, grad, param, m, v, off, n);
  }
}
