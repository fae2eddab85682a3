package org.chaoslab.cli.sweep;

/**
 * A sweep spec that cannot run: one line, {@code SPEC:LINE: what is wrong}, naming the key and what it allows.
 * An {@link IllegalArgumentException}, so the command line reports it as bad input (exit 2).
 */
public final class SpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source  the spec's file name
     * @param line    1-based line, 0 when the whole spec is meant
     * @param message what is wrong; line breaks in it (a quoted multi-line value from the file) are written as \n so
     *                that the error stays one line
     */
    public SpecException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message.replace("\r", "\\r").replace("\n", "\\n"));
    }
}
