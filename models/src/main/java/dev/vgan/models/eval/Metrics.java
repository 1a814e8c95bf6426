package dev.vgan.models.eval;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;
import dev.vgan.models.api.Generator;
import dev.vgan.models.api.LatentBatch;
import dev.vgan.models.api.LatentSpec;
import dev.vgan.models.data.Dataset;

/** What the evaluation classifier says about a generator. */
public final class Metrics {
  private Metrics() {}

  /**
   * Conditional accuracy: of {@code perClass} images generated for each class k, the share the classifier
   * labels k (conditional models; the classifier must know the same classes).
   */
  public static double conditionalAccuracy(Generator g, Classifier c, int perClass, long seed) {
    if (g.latent().classes() != c.classes()) {
      throw new IllegalArgumentException("conditional accuracy needs the classifier's " + c.classes()
          + " classes; this model has " + g.latent().classes());
    }
    int[][] counts = labelTable(g, c, perClass, seed);
    int correct = 0;
    for (int k = 0; k < counts.length; k++) {
      correct += counts[k][k];
    }
    return correct / (double) (perClass * counts.length);
  }

  /**
   * Conditional accuracy after matching the model's labels one-to-one to the classifier's classes so that
   * it is largest: for labels that are k-means clusters, whose numbering means nothing.
   */
  public static double matchedConditionalAccuracy(Generator g, Classifier c, int perClass, long seed) {
    int[][] counts = labelTable(g, c, perClass, seed);
    return Matching.best(counts) / (double) (perClass * counts.length);
  }

  /** counts[label][predicted class] over perClass images generated for each label. */
  private static int[][] labelTable(Generator g, Classifier c, int perClass, long seed) {
    LatentSpec l = g.latent();
    if (!l.conditional()) {
      throw new IllegalArgumentException("conditional accuracy needs a conditional model");
    }
    int n = perClass * l.classes();
    int[] classes = new int[n];
    for (int i = 0; i < n; i++) {
      classes[i] = i % l.classes();
    }
    int[] predicted = c.predict(generate(g, n, classes, seed));
    int[][] counts = new int[l.classes()][c.classes()];
    for (int i = 0; i < n; i++) {
      counts[classes[i]][predicted[i]]++;
    }
    return counts;
  }

  /**
   * FID in the classifier's feature space between the first {@code n} images of {@code real} and {@code n}
   * generated ones (classes uniform for a conditional model, codes from their priors).
   */
  public static double fid(Generator g, Classifier c, Dataset real, int n, long seed) {
    int count = Math.min(n, real.size());
    float[] realFeatures = c.features(Images.of(real, 0, count));
    int[] classes = null;
    if (g.latent().conditional()) {
      classes = new int[count];
      for (int i = 0; i < count; i++) {
        classes[i] = i % g.latent().classes();
      }
    }
    float[] fakeFeatures = c.features(generate(g, count, classes, seed));
    return Fid.between(realFeatures, count, fakeFeatures, count, Classifier.FEATURES);
  }

  /**
   * InfoGAN purity: images are generated for each value of the first categorical code (other codes and z
   * from their priors), classified, and each code value is matched to a distinct class so that the
   * matched share is largest; returns that share.
   */
  public static double purity(Generator g, Classifier c, int perValue, long seed) {
    LatentSpec l = g.latent();
    if (l.categorical().length == 0) {
      throw new IllegalArgumentException("purity needs a model with a categorical code");
    }
    int values = l.categorical()[0];
    Rng rng = Rng.seeded(seed);
    int[][] counts = new int[values][c.classes()];
    for (int v = 0; v < values; v++) {
      LatentBatch in = LatentBatch.sample(l, perValue, null, rng);
      float[] codes = in.codes().data();
      for (int i = 0; i < perValue; i++) {
        java.util.Arrays.fill(codes, i * l.codeDim(), i * l.codeDim() + values, 0f);
        codes[i * l.codeDim() + v] = 1f;
      }
      for (int p : c.predict(g.generate(in.z(), in.labels(), in.codes()))) {
        counts[v][p]++;
      }
    }
    return Matching.best(counts) / (double) (values * perValue);
  }

  private static Tensor generate(Generator g, int n, int[] classes, long seed) {
    LatentBatch in = LatentBatch.sample(g.latent(), n, classes, Rng.seeded(seed));
    Tensor out = Tensor.zeros(n, g.image().channels(), g.image().height(), g.image().width());
    int per = g.image().numel();
    for (int start = 0; start < n; start += 256) {
      int m = Math.min(256, n - start);
      Tensor part = g.generate(rows(in.z(), start, m), rows(in.labels(), start, m), rows(in.codes(), start, m));
      System.arraycopy(part.data(), 0, out.data(), start * per, m * per);
    }
    return out;
  }

  private static Tensor rows(Tensor t, int start, int n) {
    return t == null ? null : Ops.narrow(t, 0, start, n).copy();
  }
}
