/**
 * Model descriptions: immutable records read by both the simulators ({@code org.chaoslab.sim}) and
 * the theories ({@code org.chaoslab.theory}). Constructors validate and throw
 * {@link java.lang.IllegalArgumentException} with a one-line message naming the parameter.
 */
package org.chaoslab.model;
