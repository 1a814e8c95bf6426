package dev.vgan.models.api;

/**
 * The images a model makes: {@code channels × height × width}, values in [-1, 1] (−1 black, +1 white).
 *
 * @param channels 1 (gray) or 3 (RGB)
 * @param height pixels
 * @param width pixels
 */
public record ImageSpec(int channels, int height, int width) {
  /** Checks the values. */
  public ImageSpec {
    if ((channels != 1 && channels != 3) || height < 1 || width < 1) {
      throw new IllegalArgumentException("image: need 1 or 3 channels and a positive size, got "
          + channels + "×" + height + "×" + width);
    }
  }

  /** Values per image. */
  public int numel() {
    return channels * height * width;
  }

  @Override
  public String toString() {
    return channels + "×" + height + "×" + width;
  }
}
