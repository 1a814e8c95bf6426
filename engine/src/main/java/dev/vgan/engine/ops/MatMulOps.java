package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.OpSupport.k;
import static dev.vgan.engine.ops.OpSupport.require;
import static dev.vgan.engine.ops.OpSupport.send;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Node;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;

/** Matrix products and the bias that follows them. */
public final class MatMulOps {
  private MatMulOps() {}

  /** {@code a (m, k) · b (k, n)}: {@code (m, n)}. */
  public static Tensor matmul(Tensor a, Tensor b) {
    return mm(a, false, b, false);
  }

  /**
   * The number of columns, at least {@code n}, that a product with {@code n} columns costs anyway on this
   * backend: {@code n} rounded up to the GEMM's register-tile width ({@link
   * dev.vgan.engine.kernel.KernelBackend#gemmTileColumns}). An algorithm free to choose a block width (a
   * subspace iteration, say) can take the extra columns for nothing.
   */
  public static int paddedColumns(int n) {
    int tile = k().gemmTileColumns();
    return Math.ceilDiv(n, tile) * tile;
  }

  /**
   * {@code op(a) · op(b)} where {@code op} transposes when asked: {@code a} is {@code (m, k)} or, with
   * {@code transA}, {@code (k, m)}; likewise {@code b}. Closed under differentiation: every gradient is
   * another {@code mm}, so it records for second order.
   */
  public static Tensor mm(Tensor a, boolean transA, Tensor b, boolean transB) {
    require(a.rank() == 2 && b.rank() == 2, "matmul: need two matrices, got %s and %s", a.shape(), b.shape());
    int m = transA ? a.size(1) : a.size(0), kk = transA ? a.size(0) : a.size(1);
    int n = transB ? b.size(0) : b.size(1), kb = transB ? b.size(1) : b.size(0);
    require(kk == kb, "matmul: %s%s and %s%s disagree on the inner dimension (%d vs %d)",
        a.shape(), transA ? "ᵀ" : "", b.shape(), transB ? "ᵀ" : "", kk, kb);
    Tensor y = Tensor.empty(Shape.of(m, n));
    int lda = a.size(1), ldb = b.size(1);
    k().sgemm(transA, transB, m, n, kk, 1f, a.data(), 0, lda, b.data(), 0, ldb, 0f, y.data(), 0, n);
    return Autograd.record("matmul", y,
        (gy, g) -> {
          if (g.wants(a)) {
            if (!transA) {     // dA (m×k) += gy · op(B)ᵀ
              k().sgemm(false, !transB, m, kk, n, 1f, gy.data(), 0, n, b.data(), 0, ldb, 1f, g.of(a).data(), 0, lda);
            } else {           // dA (k×m) += op(B) · gyᵀ
              k().sgemm(transB, true, kk, m, n, 1f, b.data(), 0, ldb, gy.data(), 0, n, 1f, g.of(a).data(), 0, lda);
            }
          }
          if (g.wants(b)) {
            if (!transB) {     // dB (k×n) += op(A)ᵀ · gy
              k().sgemm(!transA, false, kk, n, m, 1f, a.data(), 0, lda, gy.data(), 0, n, 1f, g.of(b).data(), 0, ldb);
            } else {           // dB (n×k) += gyᵀ · op(A)
              k().sgemm(true, transA, n, kk, m, 1f, gy.data(), 0, n, a.data(), 0, lda, 1f, g.of(b).data(), 0, ldb);
            }
          }
        },
        (gy, g) -> {
          send(g, a, () -> transA ? mm(b, transB, gy, true) : mm(gy, false, b, !transB));
          send(g, b, () -> transB ? mm(gy, true, a, transA) : mm(a, !transA, gy, false));
        },
        a, b);
  }

  /**
   * {@code y = x · Wᵀ + b}, as {@code torch.nn.functional.linear}.
   *
   * <p>Shape: {@code x (N, in)}, {@code w (out, in)}, {@code b (out)} or null → {@code y (N, out)}.
   */
  public static Tensor linear(Tensor x, Tensor w, Tensor b) {
    require(x.rank() == 2 && w.rank() == 2 && x.size(1) == w.size(1),
        "linear: input %s and weight %s disagree on in_features", x.shape(), w.shape());
    require(b == null || (b.rank() == 1 && b.size(0) == w.size(0)),
        "linear: bias %s does not match weight %s", b == null ? null : b.shape(), w.shape());
    int n = x.size(0), in = x.size(1), out = w.size(0);
    Tensor y = Tensor.empty(Shape.of(n, out));
    k().sgemm(false, true, n, out, in, 1f, x.data(), 0, in, w.data(), 0, in, 0f, y.data(), 0, out);  // y = x·Wᵀ
    if (b != null) {
      ReduceOps.addBroadcast(b.data(), n, out, 1, y.data());                                          // y += b
    }
    return Autograd.record("linear", y,
        (gy, g) -> {
          if (g.wants(x)) {   // dx += gy · W
            Node.Target dx = g.target(x);
            k().sgemm(false, false, n, in, out, 1f, gy.data(), 0, out, w.data(), 0, in, dx.add() ? 1f : 0f,
                dx.data(), 0, in);
          }
          if (g.wants(w)) {   // dW += gyᵀ · x
            k().sgemm(true, false, out, in, n, 1f, gy.data(), 0, out, x.data(), 0, in, 1f, g.of(w).data(), 0, in);
          }
          if (b != null && g.wants(b)) {   // db += Σₙ gy
            ReduceOps.addSums(gy.data(), n, out, 1, g.of(b).data());
          }
        },
        (gy, g) -> {
          send(g, x, () -> mm(gy, false, w, false));
          send(g, w, () -> mm(gy, true, x, false));
          send(g, b, () -> ReduceOps.sum(gy, 0));
        },
        x, w, b);
  }
}
