package dev.vgan.engine.loss;

import static dev.vgan.engine.ops.Ops.add;
import static dev.vgan.engine.ops.Ops.mean;
import static dev.vgan.engine.ops.Ops.reshape;
import static dev.vgan.engine.ops.Ops.sqrt;
import static dev.vgan.engine.ops.Ops.square;
import static dev.vgan.engine.ops.Ops.sum;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * WGAN-GP's gradient penalty (Gulrajani et al. 2017): {@code mean((‖∇ₓ̂ D(x̂)‖₂ − 1)²)} at random points
 * {@code x̂ = ε·real + (1 − ε)·fake}, one {@code ε ~ U(0, 1)} per sample. Differentiating it reaches
 * the critic's parameters through second-order gradients.
 */
public final class GradientPenalty {
  private GradientPenalty() {}

  /** The penalty at interpolates drawn with {@code rng}; multiply by λ (10 in the paper) yourself. */
  public static Tensor of(UnaryOperator<Tensor> critic, Tensor real, Tensor fake, Rng rng) {
    if (!real.shape().equals(fake.shape())) {
      throw new IllegalArgumentException("gradientPenalty: real " + real.shape() + " and fake " + fake.shape()
          + " differ");
    }
    int n = real.size(0), per = real.numel() / n;
    float[] mix = new float[real.numel()];
    float[] r = real.data(), f = fake.data();
    for (int i = 0; i < n; i++) {
      float e = rng.nextFloat();
      for (int j = i * per; j < (i + 1) * per; j++) {
        mix[j] = e * r[j] + (1f - e) * f[j];
      }
    }
    return at(critic, Tensor.of(mix, real.shape()));
  }

  /** The penalty at given points {@code x (N, ...)} (a constant; its gradient is taken here). */
  public static Tensor at(UnaryOperator<Tensor> critic, Tensor x) {
    Tensor points = x.detach().requiresGrad(true);
    Tensor scores = critic.apply(points);
    Tensor g = Autograd.grad(sum(scores), List.of(points), true).get(0);
    int n = x.size(0);
    Tensor norms = sqrt(sum(square(reshape(g, Shape.of(n, x.numel() / n))), 1));    // (N)
    return mean(square(add(norms, -1f)));
  }
}
