package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/**
 * Batch normalization over channel dimension 1, with PyTorch's state: {@code weight}, {@code bias},
 * {@code running_mean}, {@code running_var} and {@code num_batches_tracked}; momentum 0.1, eps 1e-5.
 * {@link BatchNorm1d} and {@link BatchNorm2d} fix the input rank.
 */
public abstract sealed class BatchNorm extends Module permits BatchNorm1d, BatchNorm2d {
  private static final float MOMENTUM = 0.1f;
  private static final float EPS = 1e-5f;
  private final Tensor weight;
  private final Tensor bias;
  private final Tensor runningMean;
  private final Tensor runningVar;
  private final Tensor batchesTracked;

  BatchNorm(int channels) {
    weight = parameter("weight", Tensor.ones(channels));
    bias = parameter("bias", Tensor.zeros(channels));
    runningMean = buffer("running_mean", Tensor.zeros(channels));
    runningVar = buffer("running_var", Tensor.ones(channels));
    batchesTracked = buffer("num_batches_tracked", Tensor.scalar(0f));
  }

  /** Checks the input's rank, naming the layer and the shape. */
  abstract void checkRank(Tensor x);

  @Override
  public Tensor forward(Tensor x) {
    checkRank(x);
    if (!isTraining()) {
      return Ops.batchNormEval(x, weight, bias, runningMean, runningVar, EPS);
    }
    batchesTracked.data()[0] += 1f;
    return Ops.batchNormTrain(x, weight, bias, runningMean, runningVar, MOMENTUM, EPS);
  }

  /** The scale γ (C). */
  public Tensor weight() {
    return weight;
  }

  /** The shift β (C). */
  public Tensor bias() {
    return bias;
  }

  /** The running mean (C). */
  public Tensor runningMean() {
    return runningMean;
  }

  /** The running (unbiased) variance (C). */
  public Tensor runningVar() {
    return runningVar;
  }
}
