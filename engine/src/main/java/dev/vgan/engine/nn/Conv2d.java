package dev.vgan.engine.nn;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/**
 * 2-d convolution, square kernel: {@code (N, in, H, W) → (N, out, (H + 2p − k)/s + 1, ...)};
 * weight {@code (out, in, k, k)}, bias {@code (out)}.
 */
public final class Conv2d extends Module implements WeightedLayer {
  private final Tensor weight;
  private final Tensor bias;
  private final int stride;
  private final int padding;

  /** With PyTorch's default initialization (uniform ±1/√(in·k·k)). */
  public Conv2d(int in, int out, int kernel, int stride, int padding, boolean bias, Rng rng) {
    this.weight = parameter("weight", Tensor.zeros(out, in, kernel, kernel));
    this.bias = bias ? parameter("bias", Tensor.zeros(out)) : null;
    this.stride = stride;
    this.padding = padding;
    Init.pytorchDefault(weight, this.bias, in * kernel * kernel, rng);
  }

  @Override
  public Tensor forward(Tensor x) {
    return Ops.conv2d(x, weight, bias, stride, padding);
  }

  @Override
  public Tensor forwardWith(Tensor x, Tensor w) {
    return Ops.conv2d(x, w, bias, stride, padding);
  }

  /**
   * Whether {@link #forwardUpsampled} computes {@code Upsample(2)} then this layer as one sub-pixel
   * convolution (stride 1, a "same" kernel larger than 3).
   */
  boolean fusesUpsample(int factor) {
    return factor == 2 && stride == 1 && Ops.upsampleConvFuses(weight.size(2), padding);
  }

  /** This layer applied to {@code x} upsampled ×2 (nearest), without building the upsampled tensor. */
  Tensor forwardUpsampled(Tensor x) {
    return Ops.upsampleConv2d(x, weight, bias, padding);
  }

  @Override
  public Tensor weight() {
    return weight;
  }

  @Override
  public Tensor bias() {
    return bias;
  }
}
