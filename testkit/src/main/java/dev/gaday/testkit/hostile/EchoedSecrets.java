package dev.gaday.testkit.hostile;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/**
 * The "echoed secrets" check for every tool's tests: a secret (token, password, header value,
 * webhook URL) that a test handed to a tool must appear in none of the texts the tool produced —
 * stdout, stderr, output files, exception messages, toString, stack traces.
 */
public final class EchoedSecrets {
    private EchoedSecrets() {}

    /** Fails, naming the secret and the line, when any text contains any secret. */
    public static void assertNoneIn(Collection<String> secrets, String... texts) {
        assertNoneIn(secrets, List.of(texts));
    }

    public static void assertNoneIn(Collection<String> secrets, List<String> texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String line : text.split("\n", -1)) {
                for (String secret : secrets) {
                    if (line.contains(secret)) {
                        Assertions.fail("secret '" + secret + "' echoed in: " + line);
                    }
                }
            }
        }
    }

    /** Every text an exception can show: message and toString of its whole cause chain, and its stack trace. */
    public static List<String> describe(Throwable e) {
        List<String> texts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        texts.add(trace.toString());
        return texts;
    }
}
