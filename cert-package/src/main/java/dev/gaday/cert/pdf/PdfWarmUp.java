package dev.gaday.cert.pdf;

import java.time.Instant;
import java.util.Map;

/**
 * Renders a one-line document on a daemon thread and throws it away, so that the PDF stack's classes are loaded,
 * initialised and compiled on the second core while the caller reads its inputs. A class of its own, not a method
 * of {@link PdfReport}: calling it must not initialise PdfReport (its Markdown parser and renderer) on the caller's
 * thread. Nothing is shared but what the JVM shares anyway (classes, the bundled fonts' bytes); a failure here is
 * the real render's to report.
 */
public final class PdfWarmUp {
    private PdfWarmUp() {}

    public static void startInBackground() {
        Thread warmUp = new Thread(PdfWarmUp::renderThrowaway, "pdf-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static void renderThrowaway() {
        try {
            PdfReport.render("# GA day", "warm-up", "warm-up", Map.of(), false, Instant.EPOCH);
        } catch (RuntimeException e) {
            // The report's own render meets the same problem and says what it is.
        }
    }
}
