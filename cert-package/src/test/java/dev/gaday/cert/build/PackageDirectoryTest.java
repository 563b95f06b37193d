package dev.gaday.cert.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.Fixtures;
import dev.gaday.cert.signature.KeyFixtures;
import dev.gaday.cert.signature.SigningKey;
import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package swap: all or nothing, and no staging directory left behind by failure or interruption. */
class PackageDirectoryTest {
    private final StringWriter err = new StringWriter();
    private final Diagnostics diagnostics = new Diagnostics("cert-package", new PrintWriter(err, true), 0);

    private static BuildOptions options(Path inputs, Path out, long epoch) {
        return new BuildOptions(
                List.of(inputs),
                Map.of(),
                null,
                null,
                null,
                null,
                () -> out,
                false,
                false,
                false,
                Instant.ofEpochSecond(epoch),
                epoch,
                Map.of(),
                null,
                false,
                null);
    }

    /** Every file under the directory, by relative path, with its bytes. */
    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSameContents(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }

    private static List<String> hiddenLeftovers(Path out) throws IOException {
        try (Stream<Path> list = Files.list(out)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("."))
                    .toList();
        }
    }

    @Test
    void aFailedFinalMoveLeavesThePreviousPackageAndTarballInPlace(@TempDir Path dir) throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Fixtures.writeInputs(inputs, "web-frontend", true);
        Path out = Files.createDirectories(dir.resolve("out"));
        new PackageBuilder(diagnostics, PackageDirectory.RENAME, false).build(options(inputs, out, 1_795_478_400L));
        Map<String, byte[]> before = contents(out);
        assertTrue(
                before.containsKey("ga_certification_package.tar.gz"),
                before.keySet().toString());
        assertTrue(
                before.containsKey("package/GA_DAY_REPORT.pdf"), before.keySet().toString());

        // A new run (another time stamp, so other bytes) whose last move, package/ into place, fails.
        PackageDirectory.Mover failingFinalMove = (from, to) -> {
            if (to.equals(out.resolve("package"))
                    && from.getParent().getFileName().toString().startsWith(".package-")) {
                throw new IOException("injected failure");
            }
            PackageDirectory.RENAME.move(from, to);
        };
        ToolException failure =
                assertThrows(ToolException.class, () -> new PackageBuilder(diagnostics, failingFinalMove, false)
                        .build(options(inputs, out, 1_795_478_401L)));
        assertTrue(failure.getMessage().contains("injected failure"), failure.getMessage());
        assertTrue(failure.getMessage().contains("the previous package is unchanged"), failure.getMessage());

        assertSameContents(before, contents(out));
        assertEquals(List.of(), hiddenLeftovers(out), "no .package-NNNN or .package.old-* left");
    }

    @Test
    void aFailedMoveWithoutAPreviousPackageLeavesNothing(@TempDir Path dir) throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Fixtures.writeInputs(inputs, "web-frontend", true);
        Path out = Files.createDirectories(dir.resolve("out"));
        PackageDirectory.Mover failOnSidecar = (from, to) -> {
            if (to.getFileName().toString().endsWith(".sha256")) {
                throw new IOException("injected failure");
            }
            PackageDirectory.RENAME.move(from, to);
        };
        ToolException failure =
                assertThrows(ToolException.class, () -> new PackageBuilder(diagnostics, failOnSidecar, false)
                        .build(options(inputs, out, 1_795_478_400L)));
        assertTrue(failure.getMessage().endsWith("nothing written"), failure.getMessage());
        try (Stream<Path> list = Files.list(out)) {
            assertEquals(List.of(), list.toList());
        }
    }

    @Test
    void anInterruptedRunRemovesItsStagingDirectoryAndSaysSo(@TempDir Path out) throws IOException {
        Files.writeString(Files.createDirectories(out.resolve("package")).resolve("old.txt"), "previous");
        PackageDirectory directory = PackageDirectory.open(out, diagnostics, PackageDirectory.RENAME, false);
        Files.writeString(directory.packageRoot().resolve("GA_DAY_REPORT.md"), "half written");
        assertTrue(Files.isDirectory(directory.staging()));

        directory.interrupted();

        assertFalse(Files.exists(directory.staging()));
        assertEquals(
                "cert-package: error: interrupted; nothing written",
                err.toString().strip());
        assertEquals("previous", Files.readString(out.resolve("package/old.txt")));
        // The writer cannot bring the staging directory back after the hook removed it.
        assertThrows(
                IOException.class,
                () -> directory.createDirectories(directory.packageRoot().resolve("charts")));
        assertThrows(ToolException.class, directory::swap);
        directory.close();
        assertEquals(List.of(), hiddenLeftovers(out));
    }

    @Test
    void aLaterRunRemovesStaleStagingDirectoriesOfItsOwnOnly(@TempDir Path out) throws IOException {
        // Left by a run killed outright (SIGKILL) mid-swap: its pid is gone; it holds the previous tarball.
        Path stale = Files.createDirectories(out.resolve(".package-123456789"));
        Files.writeString(stale.resolve(PackageDirectory.OWNER_FILE), deadPid() + " 2026-01-01T00:00:00Z\n");
        Files.writeString(
                Files.createDirectories(stale.resolve("previous")).resolve("ga_certification_package.tar.gz"),
                "previous tarball");
        Files.createDirectories(stale.resolve("package/charts"));
        // Not ours: no owner file, or another name.
        Path foreign = Files.createDirectories(out.resolve(".package-42"));
        Path otherName = Files.createDirectories(out.resolve(".package-keep-me"));
        Files.writeString(otherName.resolve(PackageDirectory.OWNER_FILE), deadPid() + "\n");
        // A running owner (this JVM's parent stands in for a concurrent run).
        Path running = Files.createDirectories(out.resolve(".package-77"));
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        Files.writeString(
                running.resolve(PackageDirectory.OWNER_FILE),
                parent.pid() + " "
                        + parent.info().startInstant().map(Instant::toString).orElse("-") + "\n");

        PackageDirectory.removeStale(out, diagnostics);

        assertFalse(Files.exists(stale));
        assertEquals("previous tarball", Files.readString(out.resolve("ga_certification_package.tar.gz")));
        assertTrue(Files.isDirectory(foreign));
        assertTrue(Files.isDirectory(otherName));
        assertTrue(Files.isDirectory(running));
    }

    @Test
    void aStaleSignatureComesBackOnlyWithItsTarball(@TempDir Path out) throws IOException {
        // Killed after moving the previous tarball and signature aside, before the new ones came in: both go back.
        Path before = staleWithPrevious(out.resolve("first"), "1");
        PackageDirectory.removeStale(before.getParent(), diagnostics);
        assertEquals(
                "previous tarball", Files.readString(before.getParent().resolve("ga_certification_package.tar.gz")));
        assertEquals(
                "previous sig", Files.readString(before.getParent().resolve("ga_certification_package.tar.gz.sig")));
        // Killed after an unsigned new tarball came in: the previous signature would not match it, so it stays out.
        Path after = staleWithPrevious(out.resolve("second"), "2");
        Files.writeString(after.getParent().resolve("ga_certification_package.tar.gz"), "new tarball");
        PackageDirectory.removeStale(after.getParent(), diagnostics);
        assertEquals("new tarball", Files.readString(after.getParent().resolve("ga_certification_package.tar.gz")));
        assertFalse(Files.exists(after.getParent().resolve("ga_certification_package.tar.gz.sig")));
        assertFalse(Files.exists(after));
    }

    private static Path staleWithPrevious(Path out, String suffix) throws IOException {
        Path stale = Files.createDirectories(out.resolve(".package-98765432" + suffix));
        Files.writeString(stale.resolve(PackageDirectory.OWNER_FILE), deadPid() + " 2026-01-01T00:00:00Z\n");
        Path previous = Files.createDirectories(stale.resolve("previous"));
        Files.writeString(previous.resolve("ga_certification_package.tar.gz"), "previous tarball");
        Files.writeString(previous.resolve("ga_certification_package.tar.gz.sig"), "previous sig");
        return stale;
    }

    @Test
    void aFailedSwapOfASignedPackageKeepsThePreviousSignature(@TempDir Path dir) throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Fixtures.writeInputs(inputs, "web-frontend", true);
        Path out = Files.createDirectories(dir.resolve("out"));
        SigningKey key = SigningKey.read(KeyFixtures.file("ed25519"));
        new PackageBuilder(diagnostics, PackageDirectory.RENAME, false).build(signed(inputs, out, 1_795_478_400L, key));
        Map<String, byte[]> before = contents(out);
        assertTrue(
                before.containsKey("ga_certification_package.tar.gz.sig"),
                before.keySet().toString());
        // The new signature's move, the swap's last, fails: everything goes back, the previous .sig too.
        PackageDirectory.Mover failOnNewSig = (from, to) -> {
            if (to.equals(out.resolve("ga_certification_package.tar.gz.sig"))
                    && from.getParent().getFileName().toString().startsWith(".package-")) {
                throw new IOException("injected failure");
            }
            PackageDirectory.RENAME.move(from, to);
        };
        ToolException failure =
                assertThrows(ToolException.class, () -> new PackageBuilder(diagnostics, failOnNewSig, false)
                        .build(signed(inputs, out, 1_795_478_401L, key)));
        assertTrue(failure.getMessage().contains("the previous package is unchanged"), failure.getMessage());
        assertSameContents(before, contents(out));
    }

    private static BuildOptions signed(Path inputs, Path out, long epoch, SigningKey key) {
        BuildOptions plain = options(inputs, out, epoch);
        return new BuildOptions(
                plain.inputDirs(),
                plain.inputFiles(),
                plain.snapshotDir(),
                plain.template(),
                plain.gaStart(),
                plain.gaEnd(),
                plain.outputDir(),
                plain.includeArtifacts(),
                plain.certifyOnly(),
                plain.strict(),
                plain.generatedAt(),
                plain.sourceDateEpoch(),
                plain.environment(),
                plain.policy(),
                plain.keepEmptySections(),
                key);
    }

    /** A pid no process has now: one of a child that has exited. */
    private static long deadPid() throws IOException {
        Process process = new ProcessBuilder("true").start();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.pid();
    }
}
