package dev.vgan.engine.nn;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/**
 * 2-d transposed convolution, square kernel: {@code (N, in, H, W) → (N, out, (H − 1)·s − 2p + k + op, ...)};
 * weight {@code (in, out, k, k)} as PyTorch stores it, bias {@code (out)}.
 */
public final class ConvTranspose2d extends Module {
  private final Tensor weight;
  private final Tensor bias;
  private final int stride;
  private final int padding;
  private final int outputPadding;

  /** With PyTorch's default initialization (its fan-in is {@code weight.size(1)·k·k = out·k·k}). */
  public ConvTranspose2d(int in, int out, int kernel, int stride, int padding, int outputPadding, boolean bias,
      Rng rng) {
    this.weight = parameter("weight", Tensor.zeros(in, out, kernel, kernel));
    this.bias = bias ? parameter("bias", Tensor.zeros(out)) : null;
    this.stride = stride;
    this.padding = padding;
    this.outputPadding = outputPadding;
    Init.pytorchDefault(weight, this.bias, out * kernel * kernel, rng);
  }

  /** Without output padding. */
  public ConvTranspose2d(int in, int out, int kernel, int stride, int padding, boolean bias, Rng rng) {
    this(in, out, kernel, stride, padding, 0, bias, rng);
  }

  @Override
  public Tensor forward(Tensor x) {
    return Ops.convTranspose2d(x, weight, bias, stride, padding, outputPadding);
  }

  /** The weight {@code (in, out, k, k)}. */
  public Tensor weight() {
    return weight;
  }

  /** The bias, or null. */
  public Tensor bias() {
    return bias;
  }
}
