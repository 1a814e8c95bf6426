package dev.vgan.models.data;

/**
 * Images (and optionally labels) that training draws batches from. Images are {@code channels × height ×
 * width}, values in [-1, 1], as the generators produce them.
 */
public interface Dataset {
  /** The number of images. */
  int size();

  /** Channels per image (1 gray, 3 RGB). */
  int channels();

  /** Image height. */
  int height();

  /** Image width. */
  int width();

  /** Whether every image has a class label. */
  boolean labelled();

  /** The number of classes (labels run from 0 to classes − 1); 0 when unlabelled. */
  int classes();

  /** Writes image {@code i} (CHW, in [-1, 1]) into {@code dst} from {@code offset}. */
  void image(int i, float[] dst, int offset);

  /** The label of image {@code i}; fails when the dataset is unlabelled. */
  int label(int i);
}
