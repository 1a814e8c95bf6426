package dev.vgan.engine.kernel;

/**
 * The reference backend: plain loops, always present, and the twin every other backend is tested
 * against. Also the fallback when the JVM was started without {@code --add-modules jdk.incubator.vector}.
 */
public final class ScalarBackend extends CpuBackend {
  /** The one instance; the backend has no state. */
  public static final ScalarBackend INSTANCE = new ScalarBackend();

  private ScalarBackend() {}

  @Override
  protected float rowDotCentered(float[] g, int gOff, float[] x, int xOff, float center, int n) {
    return ScalarReductions.dotCentered(g, gOff, x, xOff, center, n);
  }

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  protected float rowSum(float[] x, int off, int n) {
    return ScalarReductions.sum(x, off, n);
  }

  @Override
  protected float rowSumSquares(float[] x, int off, float center, int n) {
    return ScalarReductions.sumSquares(x, off, center, n);
  }

  @Override
  protected SoftmaxRows.RowKernels softmaxKernels() {
    return ScalarSoftmax.INSTANCE;
  }

  @Override
  public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    ScalarSgemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  @Override
  public void sgemmRowTable(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b,
      int[] bRows, float beta, float[] c, int cOff, int ldc) {
    ScalarSgemm.sgemmRowTable(m, n, k, alpha, a, aOff, lda, b, bRows, beta, c, cOff, ldc);
  }

  @Override
  public void sgemmRowTableA(int m, int n, int k, float alpha, float[] a, int[] aRows, boolean transB, float[] b,
      int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    ScalarSgemm.sgemmRowTableA(m, n, k, alpha, a, aRows, transB, b, bOff, ldb, beta, c, cOff, ldc);
  }

  @Override
  public void relu(float[] x, int xOff, float[] y, int yOff, int n) {
    ScalarMaps.relu(x, xOff, y, yOff, n);
  }

  @Override
  public void reluBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    ScalarMaps.reluBackward(x, xOff, dy, dyOff, dx, dxOff, n);
  }

  @Override
  public void leakyRelu(float slope, float[] x, int xOff, float[] y, int yOff, int n) {
    ScalarMaps.leakyRelu(slope, x, xOff, y, yOff, n);
  }

  @Override
  public void leakyReluBackward(float slope, float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff,
      int n) {
    ScalarMaps.leakyReluBackward(slope, x, xOff, dy, dyOff, dx, dxOff, n);
  }

  @Override
  public void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
    ScalarMaps.tanh(x, xOff, y, yOff, n);
  }

  @Override
  public void tanhBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    ScalarMaps.tanhBackward(y, yOff, dy, dyOff, dx, dxOff, n);
  }

  @Override
  public void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
    ScalarMaps.sigmoid(x, xOff, y, yOff, n);
  }

  @Override
  public void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    ScalarMaps.sigmoidBackward(y, yOff, dy, dyOff, dx, dxOff, n);
  }

  @Override
  public void add(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    ScalarMaps.add(a, aOff, b, bOff, y, yOff, n);
  }

  @Override
  public void mul(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    ScalarMaps.mul(a, aOff, b, bOff, y, yOff, n);
  }

  @Override
  public void mulAdd(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    ScalarMaps.mulAdd(a, aOff, b, bOff, y, yOff, n);
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    ScalarMaps.axpy(alpha, x, xOff, y, yOff, n);
  }

  @Override
  public void scale(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    ScalarMaps.scale(alpha, x, xOff, y, yOff, n);
  }

  @Override
  public float sum(float[] x, int xOff, int n) {
    return ScalarReductions.sum(x, xOff, n);
  }

  @Override
  public float max(float[] x, int xOff, int n) {
    return ScalarReductions.max(x, xOff, n);
  }

  @Override
  public void adamUpdate(AdamCoefficients k, float[] grad, float[] param, float[] m, float[] v, int off, int n) {
    ScalarAdam.adamUpdate(k, grad, param, m, v, off, n);
  }
}
