package dev.vgan.models.api;

import java.util.Arrays;
import java.util.Locale;

/** The GAN families vgan trains. */
public enum GanKind {
  /** Unconditional DCGAN. */
  DCGAN,
  /** Conditional GAN: a one-hot label concatenated to z in G and to the features in D. */
  CGAN,
  /** Auxiliary-classifier GAN: a class embedding multiplied into z; D has a class head beside its real/fake head. */
  ACGAN,
  /** InfoGAN: categorical and continuous codes beside z; a Q head on D's features recovers them. */
  INFOGAN,
  /** Conditional WGAN-GP whose labels may come from k-means clusters; the critic has no batch norm. */
  WGANGP;

  /** The name used on the command line and in configs ({@code cgan}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code id} (case-insensitive); fails listing the known names. */
  public static GanKind parse(String id) {
    for (GanKind k : values()) {
      if (k.id().equalsIgnoreCase(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown model '" + id + "'; expected one of "
        + Arrays.stream(values()).map(GanKind::id).toList());
  }
}
