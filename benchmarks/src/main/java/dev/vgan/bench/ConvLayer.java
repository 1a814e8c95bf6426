package dev.vgan.bench;

import dev.vgan.engine.kernel.ConvGeometry;
import java.util.Map;

/**
 * The convolution layers of WORKLOADS.md W2 (DCGAN-28) and W4 (the Keras MNIST ACGAN), as the geometry
 * of the convolution each one lowers to. A ConvTranspose2d is described by the convolution it is the
 * adjoint of (from its output back to its input).
 *
 * @param transposed whether the layer is a ConvTranspose2d
 * @param geometry the convolution's geometry (for a transposed layer: over the layer's output)
 * @param outChannels the convolution's output channels (for a transposed layer: the layer's input channels)
 */
public record ConvLayer(boolean transposed, ConvGeometry geometry, int outChannels) {

  /** W4's Conv2d(128, 1, 2, 'same') is left out: PyTorch pads an even kernel asymmetrically. */
  public static final Map<String, ConvLayer> ALL = Map.ofEntries(
      // W2 generator: ConvTranspose2d(256,128,4,2,1) 7→14 and ConvTranspose2d(128,1,4,2,1) 14→28
      Map.entry("w2.g.convT1", new ConvLayer(true, ConvGeometry.square(128, 14, 14, 4, 2, 1), 256)),
      Map.entry("w2.g.convT2", new ConvLayer(true, ConvGeometry.square(1, 28, 28, 4, 2, 1), 128)),
      // W2 discriminator: Conv2d(1,64,4,2,1) 28→14 and Conv2d(64,128,4,2,1) 14→7
      Map.entry("w2.d.conv1", new ConvLayer(false, ConvGeometry.square(1, 28, 28, 4, 2, 1), 64)),
      Map.entry("w2.d.conv2", new ConvLayer(false, ConvGeometry.square(64, 14, 14, 4, 2, 1), 128)),
      // W4 generator: Conv2d(128,256,5,p2) at 14x14 and Conv2d(256,128,5,p2) at 28x28
      Map.entry("w4.g.conv1", new ConvLayer(false, ConvGeometry.square(128, 14, 14, 5, 1, 2), 256)),
      Map.entry("w4.g.conv2", new ConvLayer(false, ConvGeometry.square(256, 28, 28, 5, 1, 2), 128)),
      // ... and what the generator runs instead: each Upsample(2) + 5x5 conv as a sub-pixel convolution,
      // a 3x3 conv of the small image with four phases of output channels (Ops.upsampleConv2d)
      Map.entry("w4.g.conv1.subpixel", new ConvLayer(false, ConvGeometry.square(128, 7, 7, 3, 1, 1), 1024)),
      Map.entry("w4.g.conv2.subpixel", new ConvLayer(false, ConvGeometry.square(256, 14, 14, 3, 1, 1), 512)),
      // W4 discriminator: 1→32 s2, 32→64 s1, 64→128 s2, 128→256 s1, all 3x3 pad 1
      Map.entry("w4.d.conv1", new ConvLayer(false, ConvGeometry.square(1, 28, 28, 3, 2, 1), 32)),
      Map.entry("w4.d.conv2", new ConvLayer(false, ConvGeometry.square(32, 14, 14, 3, 1, 1), 64)),
      Map.entry("w4.d.conv3", new ConvLayer(false, ConvGeometry.square(64, 14, 14, 3, 2, 1), 128)),
      Map.entry("w4.d.conv4", new ConvLayer(false, ConvGeometry.square(128, 7, 7, 3, 1, 1), 256)));

  /** The layer by name, or a message listing the names. */
  public static ConvLayer named(String name) {
    ConvLayer layer = ALL.get(name);
    if (layer == null) {
      throw new IllegalArgumentException("unknown layer '" + name + "'; known: " + new java.util.TreeSet<>(ALL.keySet()));
    }
    return layer;
  }

  /** Floating-point operations of one pass (forward, backward-data or backward-weight) over a batch. */
  public double flops(int batch) {
    return 2.0 * batch * outChannels * geometry.colRows() * geometry.colCols();
  }

  /** Elements of the convolution's input image batch. */
  public int imageElements(int batch) {
    return batch * geometry.imageSize();
  }

  /** Elements of the convolution's output batch. */
  public int outputElements(int batch) {
    return batch * outChannels * geometry.colCols();
  }
}
