/**
 * Simulators: they draw finite realizations of a model description and run them. The simulator
 * never imports the theory ({@code org.chaoslab.theory}).
 */
package org.chaoslab.sim;
