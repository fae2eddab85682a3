package org.chaoslab.cli;

import org.chaoslab.io.RunMetadata;
import org.chaoslab.linalg.Blas;

/** Run metadata common to every output: version, JVM, machine, BLAS backend. */
final class Metadata {

    private Metadata() {
    }

    static RunMetadata capture(int threads) {
        return RunMetadata.capture(Version.current())
                .with("blas", Blas.backend())
                .with("threads", Integer.toString(threads));
    }
}
