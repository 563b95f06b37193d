package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.testkit.hostile.HostileFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The links corpus against cert-package: an input that is a symbolic link, a FIFO, a device or a
 * directory is refused with one line naming it (exit 4), nothing is written, and nothing outside the
 * inputs directory is read.
 */
class InputLinksTest {
    private static final String SECRET = "root:x:0:0:the content outside the inputs directory";

    @TempDir
    Path dir;

    private Path inputs() {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        return in;
    }

    private Path outsideFile() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside")).resolve("passwd");
        Files.writeString(outside, SECRET);
        return outside;
    }

    private CommandRun build(String... extra) {
        String[] args = Stream.concat(
                        Stream.of(
                                "--inputs",
                                dir.resolve("in").toString(),
                                "-o",
                                dir.resolve("out").toString()),
                        Stream.of(extra))
                .toArray(String[]::new);
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CommandRunner.run(args));
    }

    private void assertRefused(CommandRun run, String... reasons) throws IOException {
        assertEquals(4, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        for (String reason : reasons) {
            assertTrue(run.err().contains(reason), "expected '" + reason + "' in: " + run.err());
        }
        assertFalse(run.err().contains(SECRET), run.err());
        assertFalse(Files.exists(dir.resolve("out/package")), "nothing written");
        assertFalse(Files.exists(dir.resolve("out/ga_certification_package.tar.gz")), "nothing written");
    }

    @Test
    void aSymlinkedInputIsRefusedAndNeverCopied() throws IOException {
        HostileFiles.symlink(inputs(), "validation_results.html", outsideFile());
        assertRefused(build(), "validation_results.html", "symbolic link");
    }

    @Test
    void aHardLinkedInputIsRefused() throws IOException {
        HostileFiles.hardLink(inputs(), "validation_results.html", outsideFile());
        assertRefused(build(), "validation_results.html", "hard link");
    }

    @Test
    void aSymlinkToAGoodJsonFileIsRefusedToo() throws IOException {
        Path in = inputs();
        Path real = Files.move(in.resolve("ga_kpi_summary.json"), dir.resolve("summary.json"));
        HostileFiles.symlink(in, "ga_kpi_summary.json", real);
        assertRefused(build("--certify-only"), "ga_kpi_summary.json", "symbolic link");
    }

    @Test
    void aSymlinkedSnapshotOrSideArtifactIsRefused() throws IOException {
        HostileFiles.symlink(inputs(), "snapshot_0099.json", outsideFile());
        assertRefused(build("--include-artifacts"), "snapshot_0099.json", "symbolic link");
        Files.delete(dir.resolve("in/snapshot_0099.json"));
        HostileFiles.symlink(dir.resolve("in"), "ws_health_metrics.md", outsideFile());
        assertRefused(build("--include-artifacts"), "ws_health_metrics.md", "symbolic link");
    }

    @Test
    void aLinkedDirectoryUnderAnInputNameIsRefused() throws IOException {
        Path in = inputs();
        Files.delete(in.resolve("release.yaml"));
        HostileFiles.linkedDirectory(in, "release.yaml", dir.resolve("elsewhere"), "x", SECRET);
        assertRefused(build("--certify-only"), "release.yaml", "symbolic link");
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws IOException {
        Path in = inputs();
        Files.delete(in.resolve("ws_health_metrics.json"));
        HostileFiles.fifo(in, "ws_health_metrics.json");
        assertRefused(build("--certify-only"), "ws_health_metrics.json", "FIFO");
    }

    @Test
    void aPerFileOptionNamingALinkOrADeviceIsRefused() throws IOException {
        Path in = inputs();
        Path link = HostileFiles.symlink(dir, "summary-link.json", in.resolve("ga_kpi_summary.json"));
        Files.delete(in.resolve("ga_kpi_summary.json"));
        assertRefused(build("--certify-only", "--kpi-summary", link.toString()), "summary-link.json", "symbolic link");
        assertRefused(build("--certify-only", "--slo-status", "/dev/null"), "/dev/null", "character device");
    }

    @Test
    void aRegularInputDirectoryStillWorks() throws IOException {
        inputs();
        CommandRun run = build("--include-artifacts");
        assertEquals(0, run.exitCode(), run.err());
    }
}
