package dev.vgan.models.eval;

import dev.vgan.models.data.Dataset;

/**
 * Labels for unlabelled images, as the logo-synthesis work does for its conditional WGAN-GP: k-means on
 * features of the images — here the top principal components of the pixels — and each image's cluster
 * becomes its class.
 */
public final class Clusters {
  /** Principal components the pixels are reduced to before clustering. */
  public static final int COMPONENTS = 32;
  /** Images the components are fitted on (all images are then clustered). */
  private static final int PCA_SAMPLE = 5000;

  /**
   * A clustering.
   *
   * @param labelled the images with cluster labels (0..k−1)
   * @param purity when the images had labels, the share that falls in a cluster matched one-to-one to
   *     its true class (best matching); NaN otherwise
   */
  public record Result(Dataset labelled, double purity) {}

  private Clusters() {}

  /** Clusters {@code data}'s images into {@code k} groups. */
  public static Result of(Dataset data, int k, long seed) {
    int n = data.size(), d = data.channels() * data.height() * data.width();
    float[] pixels = new float[n * d];
    for (int i = 0; i < n; i++) {
      data.image(i, pixels, i * d);
    }
    int fitOn = Math.min(n, PCA_SAMPLE);
    Pca pca = Pca.fit(pixels, fitOn, d, Math.min(COMPONENTS, d), 12, seed);
    float[] features = pca.project(pixels, n);
    KMeans km = KMeans.fit(features, n, pca.k(), k, 100, seed);
    double purity = Double.NaN;
    if (data.labelled() && data.classes() <= 20) {
      int[][] counts = new int[k][data.classes()];
      for (int i = 0; i < n; i++) {
        counts[km.assignment()[i]][data.label(i)]++;
      }
      purity = Matching.best(counts) / (double) n;
    }
    return new Result(new Relabelled(data, km.assignment(), k), purity);
  }

  /** A dataset's images under other labels. */
  private record Relabelled(Dataset images, int[] labels, int classes) implements Dataset {
    @Override
    public int size() {
      return images.size();
    }

    @Override
    public int channels() {
      return images.channels();
    }

    @Override
    public int height() {
      return images.height();
    }

    @Override
    public int width() {
      return images.width();
    }

    @Override
    public boolean labelled() {
      return true;
    }

    @Override
    public void image(int i, float[] dst, int offset) {
      images.image(i, dst, offset);
    }

    @Override
    public int label(int i) {
      return labels[i];
    }
  }
}
