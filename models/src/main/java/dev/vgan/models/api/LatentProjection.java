package dev.vgan.models.api;

import dev.vgan.engine.core.Tensor;

/**
 * The weight that first meets z, for closed-form factorization (SeFa): {@code A} of shape (out, zDim),
 * the columns belonging to z only (label and code columns left out), so that {@code A·z} is z's share of
 * the first layer's output.
 *
 * @param layer the state-dict key of the weight it was taken from
 * @param weight (out, zDim), a copy
 */
public record LatentProjection(String layer, Tensor weight) {}
