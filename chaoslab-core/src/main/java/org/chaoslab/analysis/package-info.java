/** Analyses that turn arrays and streams into statistics: autocorrelations, moments, errors. */
package org.chaoslab.analysis;
