package org.bidnn.eval.plot;

/**
 * Puts AWT, which XChart draws with, in headless mode. The charts are drawn into images in memory
 * and never need a screen, and the job runs on servers and in CI. Without this, a JVM that sees a
 * DISPLAY variable (an SSH session with X forwarding, say) ties AWT to that X server, and drawing
 * fails once the server is gone or unreachable.
 *
 * <p>Must run before the first use of any AWT class, even {@code java.awt.Color}: loading AWT's
 * native library is when the JVM picks its headless or its X11 flavour, once for the life of the
 * process. Every entry point of this package calls it first.
 */
final class HeadlessAwt {

    private HeadlessAwt() {
    }

    static void enable() {
        System.setProperty("java.awt.headless", "true");
    }
}
