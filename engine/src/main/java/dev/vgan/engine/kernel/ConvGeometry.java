package dev.vgan.engine.kernel;

/**
 * The geometry of one image's im2col matrix: a {@code (channels, height, width)} image seen
 * through a {@code kernelH x kernelW} window with stride, zero padding and dilation.
 *
 * <p>The column matrix is {@code (channels * kernelH * kernelW, outHeight * outWidth)}, row-major,
 * row index {@code (c * kernelH + ki) * kernelW + kj} — the same order as a PyTorch Conv2d weight
 * {@code (out, in, kh, kw)} flattened to {@code (out, in * kh * kw)}. ConvTranspose2d uses the
 * geometry of the convolution it transposes (its output is this image).
 */
public record ConvGeometry(
    int channels,
    int height,
    int width,
    int kernelH,
    int kernelW,
    int strideH,
    int strideW,
    int padH,
    int padW,
    int dilationH,
    int dilationW) {

  /** Validates the geometry; fails with every dimension in the message. */
  public ConvGeometry {
    if (channels < 1 || height < 1 || width < 1 || kernelH < 1 || kernelW < 1
        || strideH < 1 || strideW < 1 || padH < 0 || padW < 0 || dilationH < 1 || dilationW < 1) {
      throw new IllegalArgumentException("conv geometry: invalid " + describe(
          channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW, dilationH, dilationW));
    }
    int oh = (height + 2 * padH - dilationH * (kernelH - 1) - 1) / strideH + 1;
    int ow = (width + 2 * padW - dilationW * (kernelW - 1) - 1) / strideW + 1;
    if (oh < 1 || ow < 1) {
      throw new IllegalArgumentException("conv geometry: window larger than padded input, " + describe(
          channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW, dilationH, dilationW));
    }
  }

  /** A square kernel with equal stride and padding in both directions and no dilation. */
  public static ConvGeometry square(int channels, int height, int width, int kernel, int stride, int pad) {
    return new ConvGeometry(channels, height, width, kernel, kernel, stride, stride, pad, pad, 1, 1);
  }

  /** Output height of the convolution. */
  public int outHeight() {
    return (height + 2 * padH - dilationH * (kernelH - 1) - 1) / strideH + 1;
  }

  /** Output width of the convolution. */
  public int outWidth() {
    return (width + 2 * padW - dilationW * (kernelW - 1) - 1) / strideW + 1;
  }

  /** Rows of the column matrix: {@code channels * kernelH * kernelW}. */
  public int colRows() {
    return channels * kernelH * kernelW;
  }

  /** Columns of the column matrix: {@code outHeight * outWidth}. */
  public int colCols() {
    return outHeight() * outWidth();
  }

  /** Elements of one image: {@code channels * height * width}. */
  public int imageSize() {
    return channels * height * width;
  }

  private static String describe(int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw,
      int dh, int dw) {
    return String.format("input (%d, %d, %d), kernel %dx%d, stride %dx%d, padding %dx%d, dilation %dx%d",
        c, h, w, kh, kw, sh, sw, ph, pw, dh, dw);
  }
}
