package dev.vgan.models.train;

import dev.vgan.engine.optim.AdamConfig;
import dev.vgan.models.api.GanKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model is trained.
 *
 * @param loss the adversarial loss
 * @param dSteps discriminator updates per generator update (each on its own batch)
 * @param lrG the generator's Adam learning rate
 * @param lrD the discriminator's Adam learning rate
 * @param beta1 Adam β₁ (both networks)
 * @param beta2 Adam β₂ (both networks)
 * @param gpWeight λ of the gradient penalty (used with {@link AdversarialLoss#WASSERSTEIN_GP})
 * @param infoWeight weight of InfoGAN's mutual-information term
 * @param batch images per batch
 * @param seed the run's seed (weights, latent samples, batch order)
 */
public record TrainConfig(AdversarialLoss loss, int dSteps, float lrG, float lrD, float beta1, float beta2,
    float gpWeight, float infoWeight, int batch, long seed) {
  /** Checks the values. */
  public TrainConfig {
    if (dSteps < 1 || batch < 1 || !(lrG > 0) || !(lrD > 0)) {
      throw new IllegalArgumentException("train config: dSteps and batch must be >= 1 and learning rates > 0");
    }
  }

  /**
   * The usual settings of each family: Adam(2e-4, 0.5, 0.999) with the non-saturating loss (DCGAN paper);
   * for WGAN-GP Adam(1e-4, 0, 0.9), 5 critic steps and λ = 10 (Gulrajani et al.); for InfoGAN G at 1e-3 and
   * D at 2e-4 (Chen et al.'s MNIST settings); batch 64.
   */
  public static TrainConfig defaults(GanKind kind, long seed) {
    if (kind == GanKind.WGANGP) {
      return new TrainConfig(AdversarialLoss.WASSERSTEIN_GP, 5, 1e-4f, 1e-4f, 0f, 0.9f, 10f, 1f, 64, seed);
    }
    if (kind == GanKind.INFOGAN) {
      return new TrainConfig(AdversarialLoss.NON_SATURATING, 1, 1e-3f, 2e-4f, 0.5f, 0.999f, 10f, 1f, 64, seed);
    }
    return new TrainConfig(AdversarialLoss.NON_SATURATING, 1, 2e-4f, 2e-4f, 0.5f, 0.999f, 10f, 1f, 64, seed);
  }

  /** The same with another batch size. */
  public TrainConfig withBatch(int b) {
    return new TrainConfig(loss, dSteps, lrG, lrD, beta1, beta2, gpWeight, infoWeight, b, seed);
  }

  /** The generator's Adam settings. */
  public AdamConfig adamG() {
    return AdamConfig.of(lrG, beta1, beta2);
  }

  /** The discriminator's Adam settings. */
  public AdamConfig adamD() {
    return AdamConfig.of(lrD, beta1, beta2);
  }

  /** The fields, for the checkpoint's JSON. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loss", loss.id());
    m.put("d_steps", dSteps);
    m.put("lr_g", lrG);
    m.put("lr_d", lrD);
    m.put("beta1", beta1);
    m.put("beta2", beta2);
    m.put("gp_weight", gpWeight);
    m.put("info_weight", infoWeight);
    m.put("batch", batch);
    m.put("seed", seed);
    return m;
  }

  /** Reads {@link #toMap}'s fields back. */
  public static TrainConfig fromMap(Map<String, Object> m) {
    return new TrainConfig(AdversarialLoss.parse((String) m.get("loss")), num(m, "d_steps").intValue(),
        num(m, "lr_g").floatValue(), num(m, "lr_d").floatValue(), num(m, "beta1").floatValue(),
        num(m, "beta2").floatValue(), num(m, "gp_weight").floatValue(), num(m, "info_weight").floatValue(),
        num(m, "batch").intValue(), num(m, "seed").longValue());
  }

  private static Number num(Map<String, Object> m, String key) {
    if (!(m.get(key) instanceof Number n)) {
      throw new IllegalArgumentException("train config: missing or non-numeric field '" + key + "'");
    }
    return n;
  }
}
