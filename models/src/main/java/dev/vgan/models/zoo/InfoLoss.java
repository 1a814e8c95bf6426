package dev.vgan.models.zoo;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.loss.Losses;
import dev.vgan.engine.ops.Ops;
import dev.vgan.models.api.LatentSpec;
import dev.vgan.models.api.LatentBatch;

/**
 * InfoGAN's mutual-information lower bound, as a loss: for each categorical code the cross-entropy of Q's
 * logits against the drawn value, plus for the continuous codes the Gaussian negative log-likelihood of
 * the drawn values under Q's means with unit variance.
 */
final class InfoLoss {
  private InfoLoss() {}

  /** {@code q} (N, codeDim) from the Q head for images made from {@code drawn}. */
  static Tensor of(Tensor q, LatentBatch drawn, LatentSpec spec) {
    int[] sizes = spec.categorical();
    Tensor loss = null;
    int off = 0;
    for (int k = 0; k < sizes.length; k++) {
      Tensor ce = Losses.crossEntropy(Ops.narrow(q, 1, off, sizes[k]), drawn.categories()[k]);
      loss = loss == null ? ce : Ops.add(loss, ce);
      off += sizes[k];
    }
    if (spec.continuous() > 0) {
      Tensor mean = Ops.narrow(q, 1, off, spec.continuous());
      Tensor nll = Losses.gaussianNll(mean, drawn.continuous(), Tensor.ones(q.size(0), spec.continuous()));
      loss = loss == null ? nll : Ops.add(loss, nll);
    }
    return loss;
  }
}
