package dev.vgan.models.eval;

import dev.vgan.models.api.Generator;
import dev.vgan.models.api.ImageSpec;
import dev.vgan.models.data.DataSources;
import dev.vgan.models.data.Dataset;
import dev.vgan.engine.io.Safetensors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Evaluates a generator against a dataset: finds (or trains and caches) the dataset's classifier, then
 * measures what applies — conditional accuracy for a conditional model, purity for InfoGAN, FID always.
 */
public final class Evaluation {
  /** Epochs the classifier is trained for. */
  public static final int CLASSIFIER_EPOCHS = 8;

  /**
   * The figures.
   *
   * @param data the dataset's name or path
   * @param classifierAccuracy the classifier's accuracy on the test split
   * @param conditionalAccuracy share of generated images the classifier gives their class; NaN if unconditional
   *     or the model's classes are not the classifier's
   * @param matchedAccuracy the same after matching labels to classes one-to-one (for cluster labels)
   * @param purity InfoGAN code purity (best matching); NaN when there is no categorical code
   * @param fid classifier-feature FID against the test split
   * @param samples images generated per figure
   */
  public record Report(String data, double classifierAccuracy, double conditionalAccuracy, double matchedAccuracy,
      double purity, double fid, int samples) {}

  private Evaluation() {}

  /** Measures {@code g} on the dataset {@code data} with {@code n} samples per figure. */
  public static Report run(Generator g, String data, int n, long seed, PrintStream log) throws IOException {
    Dataset test = DataSources.open(data, DataSources.Split.TEST);
    ImageSpec image = g.image();
    if (test.channels() != image.channels() || test.height() != image.height() || test.width() != image.width()) {
      throw new IllegalArgumentException("the model makes " + image + " images but " + data + " has "
          + test.channels() + "×" + test.height() + "×" + test.width());
    }
    Trained t = classifier(data, test, log);
    Classifier c = t.classifier();
    double accuracy = t.testAccuracy();
    boolean conditionalModel = g.latent().conditional();
    int perClass = conditionalModel ? Math.max(1, n / g.latent().classes()) : 0;
    double conditional = conditionalModel && g.latent().classes() == c.classes()
        ? Metrics.conditionalAccuracy(g, c, perClass, seed) : Double.NaN;
    double matched = conditionalModel && g.latent().classes() <= 20
        ? Metrics.matchedConditionalAccuracy(g, c, perClass, seed) : Double.NaN;
    double purity = g.latent().categorical().length > 0
        ? Metrics.purity(g, c, Math.max(1, n / g.latent().categorical()[0]), seed) : Double.NaN;
    double fid = Metrics.fid(g, c, test, n, seed);
    return new Report(data, accuracy, conditional, matched, purity, fid, n);
  }

  /**
   * A dataset's evaluation classifier.
   *
   * @param classifier the network
   * @param testAccuracy its accuracy on the test split
   */
  public record Trained(Classifier classifier, double testAccuracy) {}

  /** The classifier of {@code data}: from the cache, or trained on its training split and cached. */
  public static Trained classifier(String data, PrintStream log) throws IOException {
    return classifier(data, DataSources.open(data, DataSources.Split.TEST), log);
  }

  private static Trained classifier(String data, Dataset test, PrintStream log) throws IOException {
    if (!test.labelled()) {
      throw new IllegalArgumentException(data + " has no labels: the evaluation classifier needs them");
    }
    ImageSpec image = new ImageSpec(test.channels(), test.height(), test.width());
    Path cache = cacheFile(data);
    if (Files.exists(cache)) {
      return new Trained(Classifier.load(cache, image, test.classes()),
          Double.parseDouble(Safetensors.read(cache).metadata().getOrDefault("test_accuracy", "NaN")));
    }
    Dataset train = DataSources.open(data, DataSources.Split.TRAIN);
    int epochs = epochsFor(train.size());
    log.printf("training the evaluation classifier for %s (%d epochs, cached in %s)%n", data, epochs, cache);
    Classifier c = Classifier.train(train, epochs, 0, (loss, epoch) ->
        log.printf(Locale.ROOT, "  epoch %d: loss %.4f%n", epoch, loss));
    double accuracy = c.accuracy(test);
    log.printf(Locale.ROOT, "  test accuracy %.2f%%%n", 100 * accuracy);
    Files.createDirectories(cache.getParent());
    c.save(cache, accuracy);
    return new Trained(c, accuracy);
  }

  /** Images the classifier sees in training at least: a small dataset gets more epochs. */
  static final int MIN_TRAINING_IMAGES = 240_000;

  /** {@link #CLASSIFIER_EPOCHS}, or more for a dataset too small to show the classifier 240,000 images. */
  static int epochsFor(int trainingImages) {
    return Math.max(CLASSIFIER_EPOCHS, (MIN_TRAINING_IMAGES + trainingImages - 1) / Math.max(1, trainingImages));
  }

  /** Bumped whenever the classifier's architecture or training changes, so old caches are not reused. */
  static final int CLASSIFIER_VERSION = 5;

  /** Where the classifier of a dataset is cached: {@code ~/.cache/vgan/classifiers/NAME.vN.safetensors}. */
  static Path cacheFile(String data) {
    String name = data.replaceAll("[^A-Za-z0-9._-]", "_");
    return Path.of(System.getProperty("user.home"), ".cache", "vgan", "classifiers",
        name + ".v" + CLASSIFIER_VERSION + ".safetensors");
  }
}
