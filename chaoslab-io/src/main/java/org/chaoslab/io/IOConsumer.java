package org.chaoslab.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}; used to hand a destination (usually an
 * {@link java.io.OutputStream}) to code that fills it.
 *
 * @param <T> the type of the consumed value
 */
@FunctionalInterface
public interface IOConsumer<T> {

    /**
     * Performs this operation on the given value.
     *
     * @param value the value to consume
     * @throws IOException if writing fails
     */
    void accept(T value) throws IOException;
}
