package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.io.Sha256;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Package files are streamed (hashed, copied, tarred, verified), never read whole: a 128 MiB artifact
 * is packaged and verified by a JVM whose heap is under a third of its size. Run in a forked JVM, since the
 * heap limit is the point; the artifact is a sparse file, so it costs no disk. The heap leaves room for the
 * PDF render, which needs some 24 MB whatever the artifact's size (at 32 MB, with a 64 MiB artifact, a
 * busy CI machine once ran out).
 */
class LargeArtifactTest {
    private static final long SIZE = 128L * 1024 * 1024;
    private static final String HEAP = "-Xmx40m";

    @TempDir
    Path dir;

    @Test
    void aLargeArtifactIsPackagedAndVerifiedUnderASmallHeap() throws Exception {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Path html = in.resolve("validation_results.html");
        try (RandomAccessFile file = new RandomAccessFile(html.toFile(), "rw")) {
            file.write("<html><body>".getBytes(StandardCharsets.UTF_8));
            file.setLength(SIZE);
        }
        Path out = dir.resolve("out");
        Forked build = fork("--inputs", in.toString(), "-o", out.toString());
        assertEquals(0, build.exitCode, build.output);
        Path packaged = out.resolve("package/validation_results.html");
        assertEquals(SIZE, Files.size(packaged));
        String manifest = Files.readString(out.resolve("package/MANIFEST.sha256"));
        assertTrue(manifest.contains(Sha256.hex(html) + "  validation_results.html\n"), manifest);

        Forked verify =
                fork("verify", out.resolve("ga_certification_package.tar.gz").toString());
        assertEquals(0, verify.exitCode, verify.output);
        assertTrue(verify.output.contains("files match MANIFEST.sha256"), verify.output);
    }

    private record Forked(int exitCode, String output) {}

    private static Forked fork(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                BuildCertPackageCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOURCE_DATE_EPOCH", "1795478400");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("cert-package did not finish: " + output);
        }
        return new Forked(process.exitValue(), output);
    }
}
