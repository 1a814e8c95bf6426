package dev.vgan.engine.testing;

import dev.vgan.engine.kernel.KernelBackend;
import java.util.Arrays;
import java.util.Random;

/**
 * A GEMM test case with padded leading dimensions and offsets, and its double-precision oracle with a
 * rigorous float32 error bound per element: {@code |err| ≤ γ · (|alpha| · Σ|a·b| + |beta · c|)}, with
 * {@code γ = (k + 2) · u} for a dot product of length k summed in float (u = float unit roundoff).
 */
public final class GemmOracle {
  private GemmOracle() {}

  /** One case: inputs, C before the call, and C after a backend ran it. */
  public static final class Case {
    public final boolean transA, transB;
    public final int m, n, k, lda, ldb, ldc, aOff, bOff, cOff;
    public final float alpha, beta;
    public final float[] a, b, c0, c;

    Case(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta, Random rng) {
      this.transA = transA;
      this.transB = transB;
      this.m = m;
      this.n = n;
      this.k = k;
      this.alpha = alpha;
      this.beta = beta;
      int aRows = transA ? k : m, aCols = transA ? m : k;
      int bRows = transB ? n : k, bCols = transB ? k : n;
      this.lda = aCols + 3;
      this.ldb = bCols + 5;
      this.ldc = n + 2;
      this.aOff = 4;
      this.bOff = 1;
      this.cOff = 3;
      this.a = Fixtures.uniform(rng, aOff + aRows * lda);
      this.b = Fixtures.uniform(rng, bOff + bRows * ldb);
      this.c0 = Fixtures.uniform(rng, cOff + m * ldc + 2);
      this.c = c0.clone();
    }

    /** op(A)[i][p]. */
    public double opA(int i, int p) {
      return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    /** op(B)[p][j]. */
    public double opB(int p, int j) {
      return transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
    }

    /** Runs the case on a backend, writing {@link #c}. */
    public Case run(KernelBackend backend) {
      System.arraycopy(c0, 0, c, 0, c0.length);
      backend.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      return this;
    }

    /** Asserts every element of C against the double oracle, and that padding was left untouched. */
    public void assertMatchesOracle(String what) {
      double gamma = (k + 2) * Fixtures.FLOAT_EPS * 1.01;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double dot = 0, abs = 0;
          for (int p = 0; p < k; p++) {
            double t = opA(i, p) * opB(p, j);
            dot += t;
            abs += Math.abs(t);
          }
          double old = beta == 0 ? 0 : c0[cOff + i * ldc + j]; // BLAS: C is not read when beta = 0
          double expected = alpha * dot + beta * old;
          double bound = gamma * (Math.abs(alpha) * abs + Math.abs(beta * old)) + 1e-30;
          double got = c[cOff + i * ldc + j];
          if (!(Math.abs(got - expected) <= bound)) {
            throw new AssertionError(String.format("%s %s: C[%d][%d] = %s, expected %s ± %.3g", what, this, i, j,
                got, expected, bound));
          }
        }
        for (int j = n; j < ldc && cOff + i * ldc + j < c.length; j++) {
          if (Float.compare(c[cOff + i * ldc + j], c0[cOff + i * ldc + j]) != 0) {
            throw new AssertionError(what + " " + this + ": wrote padding C[" + i + "][" + j + "]");
          }
        }
      }
      if (Float.compare(c[0], c0[0]) != 0 || Float.compare(c[c.length - 1], c0[c.length - 1]) != 0) {
        throw new AssertionError(what + " " + this + ": wrote outside C");
      }
    }

    @Override
    public String toString() {
      return String.format("(transA=%s transB=%s m=%d n=%d k=%d alpha=%s beta=%s)", transA, transB, m, n, k,
          alpha, beta);
    }

    /** A copy of the current C. */
    public float[] result() {
      return Arrays.copyOf(c, c.length);
    }
  }

  /** A random case with padded leading dimensions and nonzero offsets. */
  public static Case randomCase(Random rng, boolean transA, boolean transB, int m, int n, int k, float alpha,
      float beta) {
    return new Case(transA, transB, m, n, k, alpha, beta, rng);
  }
}
