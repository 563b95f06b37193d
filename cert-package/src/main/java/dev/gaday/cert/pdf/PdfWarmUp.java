package dev.gaday.cert.pdf;

import java.time.Instant;
import java.util.Map;

/**
 * Renders a one-line document on a daemon thread and throws it away, so that the PDF stack's classes are loaded,
 * initialised and compiled on the second core while the caller reads its inputs. A class of its own, not a method
 * of {@link PdfReport}: starting it must not initialise PdfReport (its Markdown parser and renderer) on the caller's
 * thread. Nothing is shared but what the JVM shares anyway (classes, the bundled fonts' bytes); a failure here is
 * the real render's to report.
 */
public final class PdfWarmUp {
    private final Thread thread;

    private PdfWarmUp(Thread thread) {
        this.thread = thread;
    }

    public static PdfWarmUp startInBackground() {
        Thread thread = new Thread(PdfWarmUp::renderThrowaway, "pdf-warm-up");
        thread.setDaemon(true);
        thread.start();
        return new PdfWarmUp(thread);
    }

    /**
     * Waits until the throwaway render is done, so that the report's own render never runs beside it: two documents
     * at once would need twice the heap of one (on a slow machine the warm-up can still be rendering when the
     * inputs are read). The classes it is loading would make the report's render wait anyway.
     */
    public void awaitDone() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void renderThrowaway() {
        try {
            PdfReport.render("# GA day", "warm-up", "warm-up", Map.of(), false, Instant.EPOCH);
        } catch (RuntimeException e) {
            // The report's own render meets the same problem and says what it is.
        }
    }
}
