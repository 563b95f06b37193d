package dev.gaday.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release archive as a user gets it: unpacked into an empty directory, run from anywhere. */
class ReleaseArchiveIT {
    static final List<String> TOOLS =
            List.of("kpi-collector", "ws-health", "drift-detector", "slo-monitor", "cert-package");

    @TempDir
    static Path work;

    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("dist.archive"));
        assertTrue(Files.isRegularFile(archive), archive + " was not built");
        Path unpacked = Files.createDirectories(work.resolve("opt"));
        Run tar = Run.of(unpacked, "tar", "xzf", archive.toString());
        assertEquals(0, tar.exit(), tar.err());
        home = unpacked.resolve("ga-day-toolkit-" + System.getProperty("dist.version"));
    }

    @Test
    void everyToolHasItsLauncherJarCompletionAndManPage() throws IOException {
        for (String tool : TOOLS) {
            Path launcher = home.resolve("bin").resolve(tool);
            assertTrue(Files.getPosixFilePermissions(launcher).contains(PosixFilePermission.OWNER_EXECUTE), tool);
            assertTrue(Files.size(home.resolve("lib").resolve(tool + ".jar")) > 100_000, tool);
            String completion = Files.readString(home.resolve("completion").resolve(tool + "_completion"));
            assertTrue(
                    completion.contains("complete -F _picocli_" + tool.replace("-", "")) || completion.contains(tool),
                    tool);
            String man = Files.readString(home.resolve("man/man1").resolve(tool + ".1"));
            assertTrue(
                    man.startsWith("'\\\" t") || man.contains(".TH \"" + tool.toUpperCase()),
                    tool + ": " + man.lines().limit(3).toList());
            assertTrue(man.contains("Exit Codes") || man.contains("EXIT CODES"), tool);
        }
        assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License"));
        assertTrue(Files.readString(home.resolve("licenses/THIRD-PARTY.md")).contains("flexmark-java"));
        assertTrue(Files.isRegularFile(home.resolve("licenses/flexmark-java-LICENSE.txt")));
        assertTrue(Files.isRegularFile(home.resolve("README.md")));
    }

    @Test
    void launchersWorkFromAnyDirectoryAndThroughASymlink() throws Exception {
        Path userBin = Files.createDirectories(work.resolve("home/.local/bin"));
        Path link = Files.createSymbolicLink(userBin.resolve("kpi-collector"), home.resolve("bin/kpi-collector"));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Run version = Run.of(elsewhere, link.toString(), "--version");
        assertEquals(0, version.exit(), version.err());
        String commit = version.out().lines().findFirst().orElse("");
        assertTrue(
                commit.matches(
                        "kpi-collector " + System.getProperty("dist.version").replace(".", "\\.")
                                + " \\(commit [0-9a-f]{12}(-dirty)?\\)"),
                commit);
        for (String tool : TOOLS) {
            Run help = Run.of(elsewhere, home.resolve("bin").resolve(tool).toString(), "--help");
            assertEquals(0, help.exit(), tool + ": " + help.err());
            assertTrue(help.out().contains("Exit Codes:"), tool);
        }
    }

    @Test
    void theOptionalClassArchiveIsMadeInLibAndMappedByCertPackage() throws Exception {
        Run make = Run.of(work, home.resolve("lib/make-class-archive").toString());
        assertEquals(0, make.exit(), make.err());
        Path archive = home.resolve("lib/cert-package.jsa");
        assertTrue(Files.size(archive) > 1_000_000, make.out());
        try (var files = Files.list(home.resolve("lib"))) {
            assertEquals(
                    List.of("cert-package.jsa"),
                    files.map(f -> f.getFileName().toString())
                            .filter(name -> name.endsWith(".jsa"))
                            .toList(),
                    "only cert-package's archive, nothing else written");
        }

        Path classes = work.resolve("cert-package-classes.log");
        String inputs = home.resolve("lib/training/cert-package").toString();
        Run mapped = Run.of(
                work,
                Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes, "SOURCE_DATE_EPOCH", "1795478400"),
                home.resolve("bin/cert-package").toString(),
                "--inputs",
                inputs,
                "-o",
                work.resolve("mapped").toString());
        Run plain = Run.of(
                work,
                Map.of("SOURCE_DATE_EPOCH", "1795478400"),
                "java",
                "-jar",
                home.resolve("lib/cert-package.jar").toString(),
                "--inputs",
                inputs,
                "-o",
                work.resolve("plain").toString());
        assertEquals(plain.exit(), mapped.exit(), mapped.err());
        assertEquals(plain.err(), mapped.err());
        List<String> toolClasses = Files.readAllLines(classes).stream()
                .filter(line -> line.contains(" dev.gaday.cert."))
                .toList();
        assertTrue(toolClasses.size() > 100, "classes: " + toolClasses.size());
        assertTrue(
                toolClasses.stream()
                                .filter(line -> line.contains("source: shared objects file (top)"))
                                .count()
                        >= toolClasses.size() * 95 / 100,
                "cert-package's classes come from the archive");
        assertArrayEquals(
                Files.readAllBytes(work.resolve("plain/ga_certification_package.tar.gz")),
                Files.readAllBytes(work.resolve("mapped/ga_certification_package.tar.gz")));
    }

    /** A process run to its end with its output captured. */
    record Run(int exit, String out, String err) {
        static Run of(Path directory, String... command) throws Exception {
            return of(directory, Map.of(), command);
        }

        static Run of(Path directory, Map<String, String> environment, String... command) throws Exception {
            Path out = Files.createTempFile(work, "out", ".txt");
            Path err = Files.createTempFile(work, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().remove("JAVA_OPTS");
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within 120 s");
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }
}
