/** Covariance statistics of noise-driven networks: closed forms for linear networks. */
package org.chaoslab.theory.covariance;
