package org.chaoslab.theory.dmft;

/**
 * Signals that a mean-field equation has no (bounded) solution or that its iteration did not converge within its
 * bound; the message names what failed in one line. Callers of the noisy solvers receive it (the CLI ends with that
 * line and exit code 3); the noiseless solver turns it into the phase "unstable".
 */
public final class NoSolutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSolutionException(String message) {
        super(message, null, false, false);
    }
}
