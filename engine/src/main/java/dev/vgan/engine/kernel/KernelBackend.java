package dev.vgan.engine.kernel;

/**
 * The engine's kernel SPI: BLAS-shaped routines on {@code float[]} arrays with offsets. Every layer
 * calls these and nothing else for arithmetic, so a backend (scalar, SIMD, GPU) is swapped in one place.
 *
 * <p>Conventions: matrices are row-major with a leading dimension; inputs come first, then outputs,
 * then the element count {@code n}; every array is followed by its offset. Arrays named as inputs are
 * not modified. Methods named {@code ...Backward} <em>accumulate</em> into their gradient output
 * ({@code dx += ...}), so gradients from several uses of a tensor add up. Implementations never
 * allocate per element; callers validate shapes (this layer trusts its arguments, as BLAS does).
 */
public interface KernelBackend {

  /** A short name for logs: {@code scalar}, {@code simd-512}, ... */
  String name();

  // ---- BLAS level 3 --------------------------------------------------------------------------

  /**
   * Columns of C the blocked {@link #sgemm} computes together (its register tile's width): a product with
   * fewer columns than a multiple of this pays for the padding up to it anyway. 1 for a backend without
   * tiles.
   */
  default int gemmTileColumns() {
    return 1;
  }

  /**
   * {@code C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C}, row-major. {@code op(A) = A} is stored
   * {@code m×k} with row stride {@code lda}, {@code op(A) = Aᵀ} is stored {@code k×m}; likewise B. When
   * {@code beta == 0}, C is not read (NaNs in it are overwritten), as in BLAS.
   */
  void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc);

  /**
   * {@code C[m×n] = alpha · A[m×k] · B + beta · C} where row p of B is the {@code n} contiguous values
   * starting at {@code b[bRows[p]]} — rows may overlap, as the shifted windows of a padded image do in a
   * stride-1 convolution ({@link DirectConv}). A is row-major with row stride {@code lda}; only
   * {@code b[bRows[p] + j]} for {@code j < n} is read. Each element's sum runs over p in the same order as
   * {@link #sgemm}'s, so for the same values both give the same bits.
   */
  void sgemmRowTable(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int[] bRows,
      float beta, float[] c, int cOff, int ldc);

  /**
   * {@code C[m×n] = alpha · A · op(B)[k×n] + beta · C} where row i of A is the {@code k} contiguous values
   * starting at {@code a[aRows[i]]} (the shifted windows of a padded image in a stride-1 convolution's
   * weight gradient, {@link DirectConv}); B as in {@link #sgemm}. Sums in {@link #sgemm}'s order.
   */
  void sgemmRowTableA(int m, int n, int k, float alpha, float[] a, int[] aRows, boolean transB, float[] b,
      int bOff, int ldb, float beta, float[] c, int cOff, int ldc);

  /**
   * The product {@code op(A)[m×k] · op(B)[k×n]} (operands as in {@link #sgemm}) handed to {@code sink} in
   * tiles, each element exactly once and with the bits {@code sgemm} with alpha 1 and beta 0 gives it, instead
   * of written to a C. Two promises let a sink add elements onto shared sums without changing their order:
   * <ul>
   *   <li>the tiles of one group of {@code rowGroup} rows (rows {@code [q · rowGroup, (q + 1) · rowGroup)}) are
   *       handed over one at a time, each call finished before the next begins; different groups may be
   *       handed over concurrently, from different threads;
   *   <li>of two elements {@code (r1, c1)} and {@code (r2, c2)} of one group with {@code r1 < r2} and
   *       {@code c1 ≥ c2}, the first is handed over first (so a sink that adds row r's elements at positions
   *       that fall as r rises adds each sum's terms in row order).
   * </ul>
   * The default computes the whole product first ({@link GemmTileSink#byRows}).
   */
  default void sgemmTiles(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
      float[] b, int bOff, int ldb, int rowGroup, GemmTileSink sink) {
    GemmTileSink.byRows(this, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, sink);
  }

  /**
   * Prepares {@code op(A)} (stored as in {@link #sgemm}) for several products that share it, so that they
   * do not each pack it again ({@link GemmLeft}). The default prepares nothing.
   */
  default GemmLeft prepareLeft(boolean transA, int m, int k, float[] a, int aOff, int lda) {
    return GemmLeft.unprepared(transA, m, k, a, aOff, lda);
  }

  /**
   * {@link #prepareLeft} into storage of its own rather than the preparing thread's workspace: valid, on any
   * thread, for as long as A's values do not change ({@link FrozenWeights}). The default prepares nothing.
   */
  default GemmLeft keepLeft(boolean transA, int m, int k, float[] a, int aOff, int lda) {
    return GemmLeft.unprepared(transA, m, k, a, aOff, lda);
  }

  /** {@link #sgemm} with a prepared left operand: the same bits as with {@code a}'s matrix passed plainly. */
  default void sgemm(GemmLeft a, boolean transB, int n, float alpha, float[] b, int bOff, int ldb, float beta,
      float[] c, int cOff, int ldc) {
    sgemm(a.transA(), transB, a.m(), n, a.k(), alpha, a.a(), a.aOff(), a.lda(), b, bOff, ldb, beta, c, cOff, ldc);
  }

  /**
   * {@link #sgemm} with a prepared left operand and a right-hand matrix gathered from {@code b}:
   * {@code B[p][j] = b[bRows[p] + bCols[j]]} ({@code a.k()} rows, n columns; longer tables are read only that
   * far). An im2col column matrix is
   * this matrix over a chunk of zero-padded images ({@link ScalarIm2col#rowStarts} and
   * {@link ScalarIm2col#pixelOffsets}), and its transpose is the same with the tables swapped, so a lowered
   * convolution can skip writing it out. The default gathers B whole first; sums run in {@link #sgemm}'s
   * order either way, so both give the bits of {@link #sgemm} on the gathered matrix.
   */
  default void sgemmGathered(GemmLeft a, int n, float alpha, float[] b, int[] bRows, int[] bCols, float beta,
      float[] c, int cOff, int ldc) {
    float[] whole = ScalarSgemm.gatherWhole(b, bRows, bCols, a.k(), n);
    sgemm(a, false, n, alpha, whole, 0, n, beta, c, cOff, ldc);
  }

  /** {@link #sgemmTiles} with a prepared left operand: the same tiles and bits as with its matrix passed plainly. */
  default void sgemmTiles(GemmLeft a, boolean transB, int n, float[] b, int bOff, int ldb, int rowGroup,
      GemmTileSink sink) {
    sgemmTiles(a.transA(), transB, a.m(), n, a.k(), a.a(), a.aOff(), a.lda(), b, bOff, ldb, rowGroup, sink);
  }

  // ---- convolution layout --------------------------------------------------------------------

  /**
   * Writes the column matrices of {@code count} consecutive images side by side:
   * {@code (g.colRows(), count · g.colCols())} with row stride {@code ldCols ≥ count · g.colCols()}, image
   * {@code j}'s columns starting at {@code j · g.colCols()}; padding reads as 0.
   */
  void im2col(float[] images, int imagesOff, int count, ConvGeometry g, float[] cols, int colsOff, int ldCols);

  /** Adds such column matrices back onto their {@code count} images: the adjoint of {@link #im2col}. */
  void col2im(float[] cols, int colsOff, int ldCols, int count, ConvGeometry g, float[] images, int imagesOff);

  // ---- elementwise maps and their backward ---------------------------------------------------

  /** {@code y = max(x, 0)}. */
  void relu(float[] x, int xOff, float[] y, int yOff, int n);

  /** {@code dx += x > 0 ? dy : 0}. */
  void reluBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n);

  /** {@code y = x > 0 ? x : slope · x}. */
  void leakyRelu(float slope, float[] x, int xOff, float[] y, int yOff, int n);

  /** {@code dx += x > 0 ? dy : slope · dy}. */
  void leakyReluBackward(float slope, float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n);

  /** {@code y = tanh(x)}. */
  void tanh(float[] x, int xOff, float[] y, int yOff, int n);

  /** {@code dx += dy · (1 − y²)} where {@code y = tanh(x)} is the forward output. */
  void tanhBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n);

  /** {@code y = 1 / (1 + exp(−x))}. */
  void sigmoid(float[] x, int xOff, float[] y, int yOff, int n);

  /** {@code dx += dy · y · (1 − y)} where {@code y} is the forward output. */
  void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int n);

  /** {@code y = a + b}. */
  void add(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n);

  /** {@code y = a · b}, elementwise. */
  void mul(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n);

  /** {@code y += a · b}, elementwise: the backward of a product. */
  void mulAdd(float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n);

  /** {@code y += alpha · x}. */
  void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

  /** {@code y = alpha · x}. */
  void scale(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

  // ---- reductions ----------------------------------------------------------------------------

  /** The sum of {@code x[0..n)}; 0 for {@code n == 0}. */
  float sum(float[] x, int xOff, int n);

  /** The largest of {@code x[0..n)}; {@code -Infinity} for {@code n == 0}; NaN if any is NaN. */
  float max(float[] x, int xOff, int n);

  /**
   * Per-channel sums of an NCHW tensor {@code (batch, channels, spatial)}: {@code sums[c] = Σ x[b, c, s]}.
   * {@code sums} (length ≥ channels) is written.
   */
  void channelSums(float[] x, int xOff, int batch, int channels, int spatial, float[] sums);

  /**
   * Per-channel centered sums of squares: {@code out[c] = Σ (x[b, c, s] − center[c])²}, the second pass
   * of a numerically stable batch-norm variance. {@code out} is written.
   */
  void channelSumSquares(float[] x, int xOff, int batch, int channels, int spatial, float[] center, float[] out);

  /**
   * Per-channel centered dot products of two NCHW tensors of the same shape:
   * {@code out[c] = Σ g[b, c, s] · (x[b, c, s] − center[c])}, batch norm's backward. {@code out} is written.
   */
  void channelDotCentered(float[] g, int gOff, float[] x, int xOff, int batch, int channels, int spatial,
      float[] center, float[] out);

  // ---- softmax over rows ---------------------------------------------------------------------

  /** Row-wise softmax of a {@code rows×cols} matrix; {@code y} may alias {@code x}. */
  void softmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols);

  /** Row-wise log-softmax of a {@code rows×cols} matrix; {@code y} may alias {@code x}. */
  void logSoftmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols);

  // ---- nearest-neighbour upsampling ----------------------------------------------------------

  /** {@code y (planes, h·f, w·f)} = each pixel of {@code x (planes, h, w)} repeated {@code f×f} times. */
  void upsampleNearest(float[] x, int xOff, int planes, int h, int w, int factor, float[] y, int yOff);

  /** {@code dx (planes, h, w) +=} the sum of each {@code f×f} block of {@code dy}. Accumulates. */
  void upsampleNearestBackward(float[] dy, int dyOff, int planes, int h, int w, int factor, float[] dx, int dxOff);

  // ---- optimizer -----------------------------------------------------------------------------

  /**
   * One fused Adam update of {@code n} parameters (see {@link AdamCoefficients} for the formula).
   * {@code grad} is read; {@code param}, {@code m} and {@code v} are updated in place; all four share
   * the offset {@code off}.
   */
  void adamUpdate(AdamCoefficients k, float[] grad, float[] param, float[] m, float[] v, int off, int n);
}
