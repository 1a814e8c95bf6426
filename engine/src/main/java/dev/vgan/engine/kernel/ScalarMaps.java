package dev.vgan.engine.kernel;

/**
 * Reference elementwise maps and their backward passes (see {@link KernelBackend} for each formula).
 * The SIMD kernels finish their tails by calling these, so each formula is written once.
 */
public final class ScalarMaps {
  private ScalarMaps() {}

  /** {@code y = max(x, 0)}. */
  public static void relu(float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = Math.max(x[xOff + i], 0f);
    }
  }

  /** {@code dx += x > 0 ? dy : 0}. */
  public static void reluBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    for (int i = 0; i < n; i++) {
      dx[dxOff + i] += x[xOff + i] > 0f ? dy[dyOff + i] : 0f;
    }
  }

  /** {@code y = x > 0 ? x : slope · x}. */
  public static void leakyRelu(float slope, float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      float v = x[xOff + i];
      y[yOff + i] = v > 0f ? v : slope * v;
    }
  }

  /** {@code dx += x > 0 ? dy : slope · dy}. */
  public static void leakyReluBackward(float slope, float[] x, int xOff, float[] dy, int dyOff,
      float[] dx, int dxOff, int n) {
    for (int i = 0; i < n; i++) {
      float g = dy[dyOff + i];
      dx[dxOff + i] += x[xOff + i] > 0f ? g : slope * g;
    }
  }

  /** {@code y = tanh(x)}. */
  public static void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = ScalarMath.tanh(x[xOff + i]);
    }
  }

  /** {@code dx += dy · (1 − y²)}. */
  public static void tanhBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    for (int i = 0; i < n; i++) {
      float t = y[yOff + i];
      dx[dxOff + i] += dy[dyOff + i] * (1f - t * t);
    }
  }

  /** {@code y = 1 / (1 + exp(−x))}. */
  public static void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = ScalarMath.sigmoid(x[xOff + i]);
    }
  }

  /** {@code dx += dy · y · (1 − y)}. */
  public static void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    for (int i = 0; i < n; i++) {
      float s = y[yOff + i];
      dx[dxOff + i] += dy[dyOff + i] * s * (1f - s);
    }
  }

  /** {@code y = a + b}. */
  public static void add(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = a[aOff + i] + b[bOff + i];
    }
  }

  /** {@code y = a · b}. */
  public static void mul(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = a[aOff + i] * b[bOff + i];
    }
  }

  /** {@code y += a · b} (product rounded, then added: no fused multiply-add, so SIMD matches bit for bit). */
  public static void mulAdd(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += a[aOff + i] * b[bOff + i];
    }
  }

  /** {@code y += alpha · x}. */
  public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  /** {@code y = alpha · x}. */
  public static void scale(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = alpha * x[xOff + i];
    }
  }
}
