package org.chaoslab.theory.dmft;

/** Signals, inside this package, that a mean-field equation has no (bounded) solution. */
final class NoSolutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NoSolutionException(String message) {
        super(message, null, false, false);
    }
}
