package org.chaoslab.theory.balanced;

/** The parameters admit no balanced state (or the mean-field equations have no solution in (0, 1)). */
public final class NoBalancedSolutionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An exception with a one-line message naming the failed condition. */
    public NoBalancedSolutionException(String message) {
        super(message);
    }
}
