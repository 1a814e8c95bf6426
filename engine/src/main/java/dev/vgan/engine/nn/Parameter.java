package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;

/**
 * A named tensor of a module tree: a learnable parameter or a buffer (running statistics), with its
 * PyTorch state-dict key, e.g. {@code main.3.weight}.
 *
 * @param path the dotted state-dict key
 * @param value the tensor itself (not a copy)
 */
public record Parameter(String path, Tensor value) {}
