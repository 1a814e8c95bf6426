package dev.vgan.models.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.engine.core.Tensor;
import dev.vgan.models.api.Generator;
import dev.vgan.models.api.ImageSpec;
import dev.vgan.models.api.LatentProjection;
import dev.vgan.models.api.LatentSpec;
import dev.vgan.models.data.Sprites;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics against generators whose answers are known: one that returns a real sprite of the asked
 * class, one that ignores the label, one whose labels are a permutation of the classes.
 */
class MetricsTest {
  private static final int CLASSES = Sprites.CLASSES.length;
  private static Classifier classifier;
  private static Sprites test;

  @BeforeAll
  static void trainClassifier() {
    classifier = Classifier.train(new Sprites(1600, 28, false, 11), 6, 0, (loss, epoch) -> {});
    test = new Sprites(400, 28, false, 12);
  }

  /** Returns sprites from a pool: of class perm[label] when faithful, else of class 0 always. */
  private record PoolGenerator(Sprites pool, int[] perm, boolean faithful) implements Generator {
    @Override
    public LatentSpec latent() {
      return new LatentSpec(4, CLASSES, new int[0], 0);
    }

    @Override
    public ImageSpec image() {
      return new ImageSpec(1, 28, 28);
    }

    @Override
    public Tensor generate(Tensor z, Tensor labels, Tensor codes) {
      int n = z.size(0);
      List<List<Integer>> byClass = new ArrayList<>();
      for (int k = 0; k < CLASSES; k++) {
        byClass.add(new ArrayList<>());
      }
      for (int i = 0; i < pool.size(); i++) {
        byClass.get(pool.label(i)).add(i);
      }
      Tensor out = Tensor.zeros(n, 1, 28, 28);
      for (int i = 0; i < n; i++) {
        int label = 0;
        for (int k = 1; k < CLASSES; k++) {
          label = labels.data()[i * CLASSES + k] > labels.data()[i * CLASSES + label] ? k : label;
        }
        List<Integer> candidates = byClass.get(faithful ? perm[label] : 0);
        pool.image(candidates.get(i % candidates.size()), out.data(), i * 784);
      }
      return out;
    }

    @Override
    public LatentProjection projection() {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void theClassifierLearnsTheSprites() {
    assertTrue(classifier.accuracy(test) > 0.8, "accuracy " + classifier.accuracy(test));
  }

  @Test
  void aFaithfulGeneratorScoresTheClassifiersAccuracyAndALabelBlindOneChance() {
    int[] identity = {0, 1, 2, 3, 4, 5, 6, 7};
    double faithful = Metrics.conditionalAccuracy(new PoolGenerator(test, identity, true), classifier, 40, 1);
    assertTrue(faithful > 0.8, "faithful " + faithful);
    double blind = Metrics.conditionalAccuracy(new PoolGenerator(test, identity, false), classifier, 40, 1);
    assertTrue(blind < 0.25, "label-blind " + blind);
  }

  @Test
  void matchingUndoesAPermutationOfTheLabels() {
    int[] perm = {3, 0, 6, 1, 7, 2, 5, 4};
    PoolGenerator shuffled = new PoolGenerator(test, perm, true);
    assertTrue(Metrics.conditionalAccuracy(shuffled, classifier, 40, 1) < 0.3);
    assertTrue(Metrics.matchedConditionalAccuracy(shuffled, classifier, 40, 1) > 0.8);
  }

  @Test
  void fidIsSmallForTheDataItselfAndLargeForOneClass() {
    int[] identity = {0, 1, 2, 3, 4, 5, 6, 7};
    Sprites other = new Sprites(400, 28, false, 13);
    double same = Metrics.fid(new PoolGenerator(other, identity, true), classifier, test, 400, 2);
    double collapsed = Metrics.fid(new PoolGenerator(other, identity, false), classifier, test, 400, 2);
    assertTrue(same * 5 < collapsed, "fid same data " + same + ", one class only " + collapsed);
  }
}
