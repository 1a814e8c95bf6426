package dev.vgan.engine.kernel;

/**
 * What the CPU backends share: the memory-bound layout kernels (im2col/col2im, nearest upsampling), and
 * the drivers of the per-channel reductions and the softmaxes, which run over each backend's own row
 * kernels.
 */
public abstract class CpuBackend implements KernelBackend {
  /** This backend's {@code Σ x} over one contiguous row. */
  protected abstract float rowSum(float[] x, int off, int n);

  /** This backend's {@code Σ (x − center)²} over one contiguous row. */
  protected abstract float rowSumSquares(float[] x, int off, float center, int n);

  /** This backend's {@code Σ g · (x − center)} over two contiguous rows. */
  protected abstract float rowDotCentered(float[] g, int gOff, float[] x, int xOff, float center, int n);

  /** This backend's row primitives for softmax and log-softmax. */
  protected abstract SoftmaxRows.RowKernels softmaxKernels();

  @Override
  public final void im2col(float[] images, int imagesOff, int count, ConvGeometry g, float[] cols, int colsOff,
      int ldCols) {
    ScalarIm2col.im2col(images, imagesOff, count, g, cols, colsOff, ldCols);
  }

  @Override
  public final void col2im(float[] cols, int colsOff, int ldCols, int count, ConvGeometry g, float[] images,
      int imagesOff) {
    ScalarIm2col.col2im(cols, colsOff, ldCols, count, g, images, imagesOff);
  }

  @Override
  public final void upsampleNearest(float[] x, int xOff, int planes, int h, int w, int factor, float[] y, int yOff) {
    ScalarUpsample.upsampleNearest(x, xOff, planes, h, w, factor, y, yOff);
  }

  @Override
  public final void upsampleNearestBackward(float[] dy, int dyOff, int planes, int h, int w, int factor,
      float[] dx, int dxOff) {
    ScalarUpsample.upsampleNearestBackward(dy, dyOff, planes, h, w, factor, dx, dxOff);
  }

  @Override
  public final void channelSums(float[] x, int xOff, int batch, int channels, int spatial, float[] sums) {
    ChannelReductions.channelSums(this, this::rowSum, x, xOff, batch, channels, spatial, sums);
  }

  @Override
  public final void channelSumSquares(float[] x, int xOff, int batch, int channels, int spatial, float[] center,
      float[] out) {
    ChannelReductions.channelSumSquares(this, this::rowSumSquares, x, xOff, batch, channels, spatial, center,
        out);
  }

  @Override
  public final void channelDotCentered(float[] g, int gOff, float[] x, int xOff, int batch, int channels,
      int spatial, float[] center, float[] out) {
    ChannelReductions.channelDotCentered(this, this::rowDotCentered, g, gOff, x, xOff, batch, channels, spatial, center,
        out);
  }

  @Override
  public final void softmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
    SoftmaxRows.softmax(softmaxKernels(), x, xOff, y, yOff, rows, cols);
  }

  @Override
  public final void logSoftmaxRows(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
    SoftmaxRows.logSoftmax(softmaxKernels(), x, xOff, y, yOff, rows, cols);
  }
}
