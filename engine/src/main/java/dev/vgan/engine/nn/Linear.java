package dev.vgan.engine.nn;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/** {@code y = x·Wᵀ + b}: {@code (N, in) → (N, out)}; weight {@code (out, in)}, bias {@code (out)}. */
public final class Linear extends Module implements WeightedLayer {
  private final Tensor weight;
  private final Tensor bias;

  /** With PyTorch's default initialization (uniform ±1/√in). */
  public Linear(int in, int out, boolean bias, Rng rng) {
    this.weight = parameter("weight", Tensor.zeros(out, in));
    this.bias = bias ? parameter("bias", Tensor.zeros(out)) : null;
    Init.pytorchDefault(weight, this.bias, in, rng);
  }

  /** With a bias. */
  public Linear(int in, int out, Rng rng) {
    this(in, out, true, rng);
  }

  @Override
  public Tensor forward(Tensor x) {
    return Ops.linear(x, weight, bias);
  }

  @Override
  public Tensor forwardWith(Tensor x, Tensor w) {
    return Ops.linear(x, w, bias);
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
