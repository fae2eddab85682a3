/**
 * Covariance statistics: closed forms for linear noise-driven networks (zero-frequency and equal-time) and the
 * two-site cavity dimension of noiseless chaotic activity.
 */
package org.chaoslab.theory.covariance;
