/**
 * Outputs at the edge: .npy/.npz arrays (numpy reads them), JSON (non-finite numbers as null), CSV tables, PNG and SVG
 * line plots and heatmaps (one palette; a theory curve and its simulation share a colour), atomic writes, run metadata.
 */
package org.chaoslab.io;
