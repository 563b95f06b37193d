package dev.gaday.common.verdict;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a status is shown: with a symbol where the output can carry it (✔ PASS), the word alone
 * where it cannot (a terminal or log whose charset is not UTF-8 would show "?" or mojibake).
 */
public enum StatusMarks {
    UNICODE,
    ASCII;

    /** The marks for text written in {@code charset}. */
    public static StatusMarks forCharset(Charset charset) {
        return charset != null
                        && (charset.equals(StandardCharsets.UTF_8)
                                || charset.name().startsWith("UTF-"))
                ? UNICODE
                : ASCII;
    }

    /** The marks for this JVM's standard output ({@code stdout.encoding}, else the native encoding). */
    public static StatusMarks forStandardOutput() {
        String name = System.getProperty("stdout.encoding", System.getProperty("native.encoding", "UTF-8"));
        try {
            return forCharset(Charset.forName(name));
        } catch (RuntimeException e) {
            return ASCII;
        }
    }

    /** The symbol of a status, or "" in ASCII. */
    public String symbol(Status status) {
        if (this == ASCII) {
            return "";
        }
        return switch (status) {
            case PASS -> "\u2714";
            case FAIL -> "\u2718";
            case WARN, NO_DATA -> "\u26a0";
        };
    }

    /** Symbol and word: "✔ PASS", or "PASS" in ASCII. */
    public String mark(Status status, String word) {
        String symbol = symbol(status);
        return symbol.isEmpty() ? word : symbol + " " + word;
    }

    public String mark(Status status) {
        return mark(status, status.name());
    }
}
