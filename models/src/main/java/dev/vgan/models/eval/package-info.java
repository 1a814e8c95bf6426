/**
 * Measuring a trained GAN with numbers: a {@link dev.vgan.models.eval.Classifier} trained on the real data,
 * {@link dev.vgan.models.eval.Metrics} (conditional accuracy, classifier-feature FID, InfoGAN code purity),
 * and the linear algebra they need ({@link dev.vgan.models.eval.SymmetricEigen}, {@link
 * dev.vgan.models.eval.KMeans}, {@link dev.vgan.models.eval.Pca}).
 */
package dev.vgan.models.eval;
