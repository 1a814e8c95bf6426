package dev.vgan.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluationTest {
  @Test
  void aSmallDatasetGetsEpochsEnoughForTheSameNumberOfImages() {
    assertEquals(Evaluation.CLASSIFIER_EPOCHS, Evaluation.epochsFor(60_000), "Fashion-MNIST: the usual epochs");
    assertEquals(30, Evaluation.epochsFor(8_000), "8,000 digits: 240,000 images in 30 epochs");
    assertEquals(31, Evaluation.epochsFor(7_800), "rounded up, never fewer images");
    assertTrue(Evaluation.epochsFor(7_800) * 7_800 >= Evaluation.MIN_TRAINING_IMAGES);
  }

  @Test
  void theCacheNameCarriesTheVersion() {
    assertTrue(Evaluation.cacheFile("fashion-mnist").toString()
        .endsWith("fashion-mnist.v" + Evaluation.CLASSIFIER_VERSION + ".safetensors"));
    assertTrue(Evaluation.cacheFile("/data/my set").getFileName().toString().startsWith("_data_my_set.v"));
  }
}
