package org.chaoslab.io;

/** Makes AWT run without a display, unless the application has decided otherwise. */
final class Headless {

    private Headless() {
    }

    /**
     * Sets {@code java.awt.headless=true} if the property is unset. Takes effect only before AWT's
     * graphics environment is first initialized in this JVM.
     */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
