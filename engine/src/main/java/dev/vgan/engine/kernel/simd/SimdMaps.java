package dev.vgan.engine.kernel.simd;

import static jdk.incubator.vector.VectorOperators.GT;

import dev.vgan.engine.kernel.ScalarMaps;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API elementwise maps. Every loop has the same shape: whole vectors up to
 * {@code loopBound(n)}, then the scalar tail finished by the reference kernel in {@link ScalarMaps} on
 * the remaining range, so each formula is written once per backend and the tail is the reference.
 */
final class SimdMaps {
  private static final VectorSpecies<Float> S = SimdSpecies.FLOAT;
  private static final int L = S.length();

  private SimdMaps() {}

  static void relu(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector.fromArray(S, x, xOff + i).max(0f).intoArray(y, yOff + i);
    }
    ScalarMaps.relu(x, xOff + i, y, yOff + i, n - i); // scalar tail
  }

  static void reluBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      VectorMask<Float> positive = FloatVector.fromArray(S, x, xOff + i).compare(GT, 0f);
      FloatVector g = FloatVector.fromArray(S, dy, dyOff + i);
      FloatVector.fromArray(S, dx, dxOff + i).add(g, positive).intoArray(dx, dxOff + i);
    }
    ScalarMaps.reluBackward(x, xOff + i, dy, dyOff + i, dx, dxOff + i, n - i); // scalar tail
  }

  static void leakyRelu(float slope, float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = FloatVector.fromArray(S, x, xOff + i);
      v.mul(slope).blend(v, v.compare(GT, 0f)).intoArray(y, yOff + i);
    }
    ScalarMaps.leakyRelu(slope, x, xOff + i, y, yOff + i, n - i); // scalar tail
  }

  static void leakyReluBackward(float slope, float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff,
      int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      VectorMask<Float> positive = FloatVector.fromArray(S, x, xOff + i).compare(GT, 0f);
      FloatVector g = FloatVector.fromArray(S, dy, dyOff + i);
      FloatVector local = g.mul(slope).blend(g, positive);
      FloatVector.fromArray(S, dx, dxOff + i).add(local).intoArray(dx, dxOff + i);
    }
    ScalarMaps.leakyReluBackward(slope, x, xOff + i, dy, dyOff + i, dx, dxOff + i, n - i); // scalar tail
  }

  static void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      SimdMath.tanh(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
    }
    ScalarMaps.tanh(x, xOff + i, y, yOff + i, n - i); // scalar tail
  }

  static void tanhBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    int i = 0;
    FloatVector one = FloatVector.broadcast(S, 1f);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector t = FloatVector.fromArray(S, y, yOff + i);
      FloatVector local = FloatVector.fromArray(S, dy, dyOff + i).mul(one.sub(t.mul(t)));
      FloatVector.fromArray(S, dx, dxOff + i).add(local).intoArray(dx, dxOff + i);
    }
    ScalarMaps.tanhBackward(y, yOff + i, dy, dyOff + i, dx, dxOff + i, n - i); // scalar tail
  }

  static void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      SimdMath.sigmoid(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
    }
    ScalarMaps.sigmoid(x, xOff + i, y, yOff + i, n - i); // scalar tail
  }

  static void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    int i = 0;
    FloatVector one = FloatVector.broadcast(S, 1f);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector s = FloatVector.fromArray(S, y, yOff + i);
      FloatVector local = FloatVector.fromArray(S, dy, dyOff + i).mul(s).mul(one.sub(s));
      FloatVector.fromArray(S, dx, dxOff + i).add(local).intoArray(dx, dxOff + i);
    }
    ScalarMaps.sigmoidBackward(y, yOff + i, dy, dyOff + i, dx, dxOff + i, n - i); // scalar tail
  }

  static void add(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector.fromArray(S, a, aOff + i).add(FloatVector.fromArray(S, b, bOff + i)).intoArray(y, yOff + i);
    }
    ScalarMaps.add(a, aOff + i, b, bOff + i, y, yOff + i, n - i); // scalar tail
  }

  static void mul(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector.fromArray(S, a, aOff + i).mul(FloatVector.fromArray(S, b, bOff + i)).intoArray(y, yOff + i);
    }
    ScalarMaps.mul(a, aOff + i, b, bOff + i, y, yOff + i, n - i); // scalar tail
  }

  static void mulAdd(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector p = FloatVector.fromArray(S, a, aOff + i).mul(FloatVector.fromArray(S, b, bOff + i));
      FloatVector.fromArray(S, y, yOff + i).add(p).intoArray(y, yOff + i);
    }
    ScalarMaps.mulAdd(a, aOff + i, b, bOff + i, y, yOff + i, n - i); // scalar tail
  }

  static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector ax = FloatVector.fromArray(S, x, xOff + i).mul(alpha);
      FloatVector.fromArray(S, y, yOff + i).add(ax).intoArray(y, yOff + i);
    }
    ScalarMaps.axpy(alpha, x, xOff + i, y, yOff + i, n - i); // scalar tail
  }

  static void scale(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector.fromArray(S, x, xOff + i).mul(alpha).intoArray(y, yOff + i);
    }
    ScalarMaps.scale(alpha, x, xOff + i, y, yOff + i, n - i); // scalar tail
  }
}
