package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.archive.ReproducibleTar;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.io.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify: the good package passes; crafted archives are each rejected with one line and exit 1. */
class VerifyCertPackageCommandTest {
    private static final String REPORT = "# Report\n";

    @TempDir
    Path dir;

    Path good;

    @BeforeEach
    void goodPackage() throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(pkg.resolve("GA_DAY_REPORT.md"), REPORT);
        Files.createDirectories(pkg.resolve("charts"));
        Files.write(pkg.resolve("charts/availability.svg"), new byte[] {1, 2, 3});
        Sha256.writeManifest(
                pkg.resolve("MANIFEST.sha256"),
                pkg,
                List.of(pkg.resolve("GA_DAY_REPORT.md"), pkg.resolve("charts/availability.svg")));
        Files.writeString(
                pkg.resolve("certification_metadata.json"),
                "{\"manifestSha256\":\"" + Sha256.hex(pkg.resolve("MANIFEST.sha256"))
                        + "\",\"certificationStatus\":\"CERTIFIED\"}\n");
        good = dir.resolve("good.tar.gz");
        ReproducibleTar.write(
                good,
                pkg,
                "package/",
                List.of(
                        "GA_DAY_REPORT.md",
                        "charts/availability.svg",
                        "MANIFEST.sha256",
                        "certification_metadata.json"),
                1_700_000_000L);
    }

    /** The good archive's entries, rewritten with a change, into a new archive. */
    private Path rewrite(
            String name,
            java.util.function.BiConsumer<Map<String, byte[]>, TarArchiveOutputStream> extra,
            java.util.function.UnaryOperator<Map<String, byte[]>> change)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in =
                new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(good)))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), entry.isDirectory() ? null : in.readAllBytes());
            }
        }
        entries = change.apply(entries);
        Path target = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(target);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                if (e.getValue() != null) {
                    entry.setSize(e.getValue().length);
                }
                tar.putArchiveEntry(entry);
                if (e.getValue() != null) {
                    tar.write(e.getValue());
                }
                tar.closeArchiveEntry();
            }
            extra.accept(entries, tar);
        }
        return target;
    }

    /** The good archive with one more entry at its end: a file with {@code data}, or (null) a link or empty entry. */
    private Path appending(String name, TarArchiveEntry entry, byte[] data) throws IOException {
        return rewrite(
                name,
                (entries, tar) -> {
                    try {
                        if (data != null) {
                            entry.setSize(data.length);
                        }
                        tar.putArchiveEntry(entry);
                        if (data != null) {
                            tar.write(data);
                        }
                        tar.closeArchiveEntry();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                entries -> entries);
    }

    private static CommandRun verify(Path archive) {
        return CommandRunner.run("verify", archive.toString());
    }

    private static void assertRejected(CommandRun run, String reason) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(reason), run.err());
        assertEquals("", run.out());
    }

    @Test
    void acceptsTheGoodPackage() {
        CommandRun run = verify(good);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 files match MANIFEST.sha256; certification CERTIFIED"), run.out());
    }

    @Test
    void rejectsATamperedFile() throws IOException {
        Path tampered = rewrite("tampered.tar.gz", (e, t) -> {}, entries -> {
            entries.put("package/GA_DAY_REPORT.md", "# Report, edited\n".getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        assertRejected(verify(tampered), "package/GA_DAY_REPORT.md: SHA-256 mismatch");
    }

    @Test
    void rejectsADotDotEntry() throws IOException {
        Path evil = appending(
                "dotdot.tar.gz",
                new TarArchiveEntry("package/../../etc/evil", true),
                "x".getBytes(StandardCharsets.UTF_8));
        assertRejected(verify(evil), "'..'");
    }

    @Test
    void rejectsASymlinkEntry() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("package/passwd", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("/etc/passwd");
        assertRejected(verify(appending("symlink.tar.gz", link, null)), "symbolic link");
    }

    @Test
    void rejectsAHardLinkAnAbsolutePathAndADuplicate() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("package/copy.md", TarArchiveEntry.LF_LINK);
        link.setLinkName("package/GA_DAY_REPORT.md");
        assertRejected(verify(appending("hard.tar.gz", link, null)), "hard link");
        assertRejected(
                verify(appending("absolute.tar.gz", new TarArchiveEntry("/tmp/evil", true), null)), "absolute path");
        Path duplicate = appending(
                "dup.tar.gz", new TarArchiveEntry("package/GA_DAY_REPORT.md"), REPORT.getBytes(StandardCharsets.UTF_8));
        assertRejected(verify(duplicate), "appears twice");
    }

    @Test
    void rejectsMissingAndUnlistedFiles() throws IOException {
        Path missing = rewrite("missing.tar.gz", (e, t) -> {}, entries -> {
            entries.remove("package/charts/availability.svg");
            return entries;
        });
        assertRejected(verify(missing), "package/charts/availability.svg: listed in MANIFEST.sha256 but missing");
        Path extra = rewrite("extra.tar.gz", (e, t) -> {}, entries -> {
            entries.put("package/notes.txt", "smuggled".getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        assertRejected(verify(extra), "package/notes.txt: in the archive but not listed");
    }

    @Test
    void anUnreadableFileIsARuntimeError() throws IOException {
        Path garbage = dir.resolve("garbage.tar.gz");
        Files.writeString(garbage, "not a tarball");
        CommandRun run = verify(garbage);
        assertEquals(4, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("not a readable tar.gz"), run.err());
        assertEquals(4, verify(dir.resolve("absent.tar.gz")).exitCode());
    }

    @Test
    void theArchiveIsNormalised() throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in =
                new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(good)))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
                assertEquals(0, entry.getLongUserId());
                assertEquals(0, entry.getLongGroupId());
                assertEquals("", entry.getUserName());
                assertEquals("", entry.getGroupName());
                assertEquals(1_700_000_000_000L, entry.getModTime().getTime());
                assertEquals(entry.isDirectory() ? 0755 : 0644, entry.getMode() & 07777);
            }
        }
        assertEquals(names.stream().sorted().toList(), names);
        byte[] header = new byte[10];
        try (var in = Files.newInputStream(good)) {
            assertEquals(10, in.read(header));
        }
        assertEquals(0, header[3] & 0x08, "no file name in the gzip header");
        assertEquals(0, header[4] | header[5] | header[6] | header[7], "gzip mtime is 0");
    }
}
