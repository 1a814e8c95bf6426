/**
 * What tools see of a model: {@link dev.vgan.models.api.Generator} (latent input to images),
 * {@link dev.vgan.models.api.LatentSpec} (what the latent input holds), {@link
 * dev.vgan.models.api.LatentProjection} (the weight that first meets z, for SeFa), {@link
 * dev.vgan.models.api.GanConfig} (everything needed to rebuild a model) and {@link
 * dev.vgan.models.api.GanKind}. Tools never see a family's own classes.
 */
package dev.vgan.models.api;
