package dev.vgan.models.train;

import java.nio.file.Path;

/** A loss became NaN or infinite; training stopped and the last good checkpoint was kept. */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Names the step, the losses and where the last good state is. */
  public TrainingDivergedException(long step, TrainStats stats, Path lastGood) {
    super("training diverged at step " + step + " (loss D " + stats.lossD() + ", loss G " + stats.lossG() + "); "
        + (lastGood == null ? "no checkpoint was written before it" : "the last good checkpoint is " + lastGood));
  }
}
