package dev.vgan.engine.kernel;

/**
 * Conv2d lowered to im2col + SGEMM, image by image, NCHW. The three routines also cover ConvTranspose2d,
 * which is the adjoint of a convolution: with {@code g} the geometry of the convolution that maps the
 * transposed layer's output back to its input,
 *
 * <ul>
 *   <li>ConvTranspose2d forward = {@link #backwardData} (weight {@code (in, out, kh, kw)} read as a Conv2d
 *       weight with {@code in} output channels);
 *   <li>ConvTranspose2d backward-data = {@link #forward};
 *   <li>ConvTranspose2d backward-weight = {@link #backwardWeight} with input and gradient swapped.
 * </ul>
 *
 * Shapes: {@code x (batch, g.channels, g.height, g.width)}, {@code w (outChannels, g.colRows())},
 * {@code y (batch, outChannels, g.outHeight, g.outWidth)}.
 */
public final class ConvLowering {
  private ConvLowering() {}

  /** {@code y = conv2d(x, w)}; y is written. */
  public static void forward(KernelBackend k, ConvGeometry g, int batch, int outChannels,
      float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
    forward(k, g, batch, outChannels, x, xOff, w, wOff, y, yOff, false);
  }

  /** {@code y = conv2d(x, w)}, or {@code y += conv2d(x, w)} when {@code accumulate}. */
  public static void forward(KernelBackend k, ConvGeometry g, int batch, int outChannels,
      float[] x, int xOff, float[] w, int wOff, float[] y, int yOff, boolean accumulate) {
    int rows = g.colRows(), cols = g.colCols();
    float[] col = Workspace.local().floats(Workspace.Slot.CONV_COLS, rows * cols);
    for (int n = 0; n < batch; n++) {
      k.im2col(x, xOff + n * g.imageSize(), g, col, 0);
      // y_n (O × HW) = W (O × CKK) · cols (CKK × HW)
      k.sgemm(false, false, outChannels, cols, rows, 1f, w, wOff, rows, col, 0, cols,
          accumulate ? 1f : 0f, y, yOff + n * outChannels * cols, cols);
    }
  }

  /** {@code dx += conv2dᵀ(dy, w)}: the gradient of {@link #forward} with respect to x. Accumulates. */
  public static void backwardData(KernelBackend k, ConvGeometry g, int batch, int outChannels,
      float[] w, int wOff, float[] dy, int dyOff, float[] dx, int dxOff) {
    int rows = g.colRows(), cols = g.colCols();
    float[] col = Workspace.local().floats(Workspace.Slot.CONV_COLS, rows * cols);
    for (int n = 0; n < batch; n++) {
      // cols (CKK × HW) = Wᵀ (CKK × O) · dy_n (O × HW)
      k.sgemm(true, false, rows, cols, outChannels, 1f, w, wOff, rows, dy, dyOff + n * outChannels * cols, cols,
          0f, col, 0, cols);
      k.col2im(col, 0, g, dx, dxOff + n * g.imageSize());
    }
  }

  /** {@code dw += Σₙ dyₙ · im2col(xₙ)ᵀ}: the gradient of {@link #forward} with respect to w. Accumulates. */
  public static void backwardWeight(KernelBackend k, ConvGeometry g, int batch, int outChannels,
      float[] x, int xOff, float[] dy, int dyOff, float[] dw, int dwOff) {
    int rows = g.colRows(), cols = g.colCols();
    float[] col = Workspace.local().floats(Workspace.Slot.CONV_COLS, rows * cols);
    for (int n = 0; n < batch; n++) {
      k.im2col(x, xOff + n * g.imageSize(), g, col, 0);
      // dW (O × CKK) += dy_n (O × HW) · colsᵀ (HW × CKK)
      k.sgemm(false, true, outChannels, rows, cols, 1f, dy, dyOff + n * outChannels * cols, cols, col, 0, cols,
          1f, dw, dwOff, rows);
    }
  }
}
