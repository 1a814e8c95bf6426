package dev.vgan.models.acgan;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.core.TensorArena;
import dev.vgan.engine.loss.Losses;
import dev.vgan.engine.ops.Ops;
import dev.vgan.engine.optim.Adam;
import dev.vgan.engine.optim.AdamConfig;
import java.util.List;

/**
 * One training step of the Keras MNIST ACGAN (WORKLOADS.md W4), Adam 5e-5 with β₁ 0.5 for both networks:
 * D on the real batch and as many fakes (z uniform on [-1, 1], classes uniform) — the real/fake loss on
 * all of them, the class loss on the real half (as the example's sample weights do) — then G through a
 * frozen D on twice the batch of fresh (z, class), with both heads' losses.
 */
public final class KerasAcganStep {
  private final KerasAcgan.Generator g;
  private final KerasAcgan.Discriminator d;
  private final Adam optG;
  private final Adam optD;
  private final Rng rng;
  private final TensorArena arena = new TensorArena();

  /** A step over {@code g} and {@code d}; {@code rng} draws z and classes. */
  public KerasAcganStep(KerasAcgan.Generator g, KerasAcgan.Discriminator d, Rng rng) {
    this.g = g;
    this.d = d;
    this.optG = new Adam(g.parameters(), AdamConfig.of(5e-5f, 0.5f, 0.999f));
    this.optD = new Adam(d.parameters(), AdamConfig.of(5e-5f, 0.5f, 0.999f));
    this.rng = rng;
  }

  /** One D and one G update on {@code real} (N, 1, 28, 28) with its classes; returns {D loss, G loss}. */
  public float[] step(Tensor real, int[] classes) {
    int n = real.size(0);
    try (var scope = arena.enter()) {
      int[] fakeClasses = randomClasses(n);
      Tensor fake = g.forward(Tensor.uniform(rng, -1f, 1f, n, KerasAcgan.Z), fakeClasses).detach();
      optD.zeroGrad();
      Tensor[] out = d.heads(Ops.concat(List.of(real, fake), 0));                  // 2N images
      Tensor adv = out[0], aux = out[1];
      Tensor lossD = Ops.add(
          Ops.add(Losses.bceWithLogits(Ops.narrow(adv, 0, 0, n), 1f), Losses.bceWithLogits(Ops.narrow(adv, 0, n, n), 0f)),
          Losses.crossEntropy(Ops.narrow(aux, 0, 0, n), classes));
      lossD.backward();
      optD.step();

      int[] genClasses = randomClasses(2 * n);
      optG.zeroGrad();
      d.requiresGrad(false);
      try {
        Tensor[] heads = d.heads(g.forward(Tensor.uniform(rng, -1f, 1f, 2 * n, KerasAcgan.Z), genClasses));
        Tensor lossG = Ops.add(Losses.bceWithLogits(heads[0], 1f), Losses.crossEntropy(heads[1], genClasses));
        lossG.backward();
        optG.step();
        return new float[] {lossD.item(), lossG.item()};
      } finally {
        d.requiresGrad(true);
      }
    }
  }

  private int[] randomClasses(int n) {
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      c[i] = rng.nextInt(KerasAcgan.CLASSES);
    }
    return c;
  }
}
