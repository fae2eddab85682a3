/**
 * Theory beside simulation: runs a model's simulator over several network realizations, solves its
 * mean-field theory, and reports the deviations with error bars. The only package that imports both
 * {@code org.chaoslab.sim} and {@code org.chaoslab.theory}.
 */
package org.chaoslab.compare;
