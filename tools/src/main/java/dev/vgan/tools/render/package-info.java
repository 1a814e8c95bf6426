/**
 * Pictures from tensors: {@link dev.vgan.tools.render.ImageTensors} (tensor to image), {@link
 * dev.vgan.tools.render.Grid}, {@link dev.vgan.tools.render.Png} and {@link dev.vgan.tools.render.GifWriter}
 * (atomic files), {@link dev.vgan.tools.render.LossPlot}.
 */
package dev.vgan.tools.render;
