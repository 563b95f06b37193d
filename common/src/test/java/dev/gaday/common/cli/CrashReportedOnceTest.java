package dev.gaday.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * An {@link Error} that strikes several threads of one process at once (metaspace exhausted under the main
 * thread and a warm-up) is one line on stderr, not one per thread: the command's own report and the launcher's
 * handler for other threads race to write it.
 */
class CrashReportedOnceTest {
    private static final int THREADS = 6;
    private static final int ROUNDS = 150;

    private final PrintStream systemErr = System.err;

    @AfterEach
    void restore() {
        System.setErr(systemErr);
        ToolLauncher.reportEveryCrash();
    }

    @Test
    void threadsStruckAtOnceWriteOneLine() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            PrintStream shared = new PrintStream(written, true, StandardCharsets.UTF_8);
            System.setErr(shared);
            ToolLauncher.reportEachCrashOnce();
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Thread> threads = new ArrayList<>();
            List<Integer> exitCodes = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < THREADS; i++) {
                boolean command = i % 2 == 0;
                threads.add(new Thread(() -> {
                    CommandLine commandLine = ToolLauncher.newCommandLine(new ToolCommandTest.SampleCommand());
                    commandLine.setErr(new PrintWriter(shared, true));
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    exitCodes.add(
                            command
                                    ? commandLine.execute("-q", "--mode", "oom")
                                    : ToolLauncher.crashedOnce("sample-tool", new OutOfMemoryError("Metaspace")));
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            String err = written.toString(StandardCharsets.UTF_8);
            assertEquals(1, err.lines().count(), "round " + round + ":\n" + err);
            assertEquals(
                    "sample-tool: error: out of memory (Metaspace); raise the limit with JAVA_OPTS (e.g. -Xmx2g)",
                    err.strip());
            assertEquals(List.of(4, 4, 4, 4, 4, 4), exitCodes);
        }
    }
}
