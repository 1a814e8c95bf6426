package dev.vgan.models.train;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.loss.Losses;
import dev.vgan.engine.ops.Ops;
import java.util.Arrays;
import java.util.Locale;

/** The adversarial part of the losses: how D scores real against fake, and what G maximizes. */
public enum AdversarialLoss {
  /** D: BCE (real → 1, fake → 0); G: BCE (fake → 1), the non-saturating form of the original GAN. */
  NON_SATURATING,
  /** D: mean(relu(1 − real)) + mean(relu(1 + fake)); G: −mean(fake). */
  HINGE,
  /** D: mean(fake) − mean(real) plus λ times the gradient penalty; G: −mean(fake). */
  WASSERSTEIN_GP;

  /** D's loss on its scores (logits) for real and fake images, (N, 1) each; the penalty is added by the step. */
  public Tensor discriminator(Tensor real, Tensor fake) {
    return switch (this) {
      case NON_SATURATING -> Ops.add(Losses.bceWithLogits(real, 1f), Losses.bceWithLogits(fake, 0f));
      case HINGE -> Ops.add(Losses.hingeReal(real), Losses.hingeFake(fake));
      case WASSERSTEIN_GP -> Losses.wassersteinCritic(real, fake);
    };
  }

  /** G's loss on D's scores for its images. */
  public Tensor generator(Tensor fake) {
    return this == NON_SATURATING ? Losses.bceWithLogits(fake, 1f) : Losses.generatorAdversarial(fake);
  }

  /** The command-line name ({@code wasserstein-gp}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The loss named {@code id}; fails listing the names. */
  public static AdversarialLoss parse(String id) {
    for (AdversarialLoss l : values()) {
      if (l.id().equalsIgnoreCase(id)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown loss '" + id + "'; expected one of "
        + Arrays.stream(values()).map(AdversarialLoss::id).toList());
  }
}
