/**
 * What tools see of a model: generators, discriminators and latent specifications. The GAN families
 * arrive with the "Train real GANs" issue; this package exists so the module's rules are in force from
 * the first line of code.
 */
package dev.vgan.models.api;
