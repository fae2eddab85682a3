package org.chaoslab.model;

/** Storage precision of the coupling matrix. The state is always kept in float64. */
public enum Precision {
    /** 8 bytes per coupling (default). */
    FLOAT64,
    /** 4 bytes per coupling: halves the memory traffic of the matrix–vector product at large N. */
    FLOAT32
}
