package org.chaoslab.io;

/**
 * The marker shape of a {@link PlotSeries}. Estimators plotted over each other get different shapes (and open
 * shapes over filled ones) so that both stay visible where they coincide.
 */
public enum Marker {
    /** A filled circle (the default). */
    CIRCLE(true),
    /** A filled square. */
    SQUARE(true),
    /** A filled diamond. */
    DIAMOND(true),
    /** A filled triangle pointing up. */
    TRIANGLE(true),
    /** An open circle (outline only). */
    OPEN_CIRCLE(false),
    /** An open square (outline only). */
    OPEN_SQUARE(false),
    /** An open diamond (outline only). */
    OPEN_DIAMOND(false),
    /** An open triangle pointing up (outline only). */
    OPEN_TRIANGLE(false);

    private final boolean filled;

    Marker(boolean filled) {
        this.filled = filled;
    }

    /** {@return whether the shape is filled (otherwise only its outline is drawn)} */
    public boolean filled() {
        return filled;
    }

    /** Whether the shape is a circle (drawn as a circle; the others as polygons). */
    boolean round() {
        return this == CIRCLE || this == OPEN_CIRCLE;
    }

    /**
     * The polygon of a non-round shape centred on (cx, cy) with "radius" r, as x0, y0, x1, y1, ... in pixels (y down).
     * Squares and diamonds are scaled to about the area of the circle of radius r.
     */
    double[] outline(double cx, double cy, double r) {
        return switch (this) {
            case SQUARE, OPEN_SQUARE -> {
                double h = 0.89 * r;
                yield new double[] {cx - h, cy - h, cx + h, cy - h, cx + h, cy + h, cx - h, cy + h};
            }
            case DIAMOND, OPEN_DIAMOND -> {
                double h = 1.25 * r;
                yield new double[] {cx, cy - h, cx + h, cy, cx, cy + h, cx - h, cy};
            }
            case TRIANGLE, OPEN_TRIANGLE -> {
                double h = 1.3 * r;
                yield new double[] {cx, cy - h, cx + 0.866 * h, cy + 0.5 * h, cx - 0.866 * h, cy + 0.5 * h};
            }
            case CIRCLE, OPEN_CIRCLE -> throw new IllegalStateException("a circle has no polygon");
        };
    }
}
