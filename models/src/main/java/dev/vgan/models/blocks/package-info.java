/**
 * The networks every family shares: DCGAN-style convolutional bodies for 28, 32 and 64 pixel images
 * ({@link dev.vgan.models.blocks.ConvNets}), a generator that assembles its latent input by the family's
 * conditioning ({@link dev.vgan.models.blocks.GanGenerator}) and a discriminator with the family's heads
 * ({@link dev.vgan.models.blocks.GanDiscriminator}).
 */
package dev.vgan.models.blocks;
