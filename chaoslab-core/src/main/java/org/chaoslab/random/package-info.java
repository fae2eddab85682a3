/** The seed scheme: one master seed, named child streams ({@link org.chaoslab.random.StreamSeeds}). */
package org.chaoslab.random;
