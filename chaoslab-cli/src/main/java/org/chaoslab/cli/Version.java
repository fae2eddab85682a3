package org.chaoslab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.chaoslab.linalg.Blas;
import picocli.CommandLine.IVersionProvider;

/** The chaoslab version (from the build) and the runtime it runs on. */
public final class Version implements IVersionProvider {

    /** The version string of this build. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/chaoslab.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"chaoslab " + current(),
                "Java " + System.getProperty("java.runtime.version") + ", " + Blas.backend()};
    }
}
