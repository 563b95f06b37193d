package dev.gaday.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cert-package's class-data archive, as the build leaves it beside the jar: the launcher maps the tool's
 * classes from it, never writes it, and runs exactly as without it when the archive does not belong to the
 * jar (a rebuilt jar, a stale archive): same exit code, same package bytes, no JVM warning.
 */
class LauncherClassArchiveIT {
    private static final Path REPOSITORY =
            Path.of(System.getProperty("dist.repository")).toAbsolutePath().normalize();
    private static final Path JAR = REPOSITORY.resolve("cert-package/target/cert-package.jar");
    private static final Path ARCHIVE = REPOSITORY.resolve("cert-package/target/cert-package.jsa");
    private static final Path LAUNCHER = REPOSITORY.resolve("cert-package/bin/cert-package");
    private static final Path INPUTS = REPOSITORY.resolve("cert-package/src/test/resources/sample-inputs");
    private static final String ARCHIVED = "source: shared objects file (top)";

    @TempDir
    Path work;

    @Test
    void theLauncherMapsTheToolsClassesFromTheArchiveAndLeavesItAsItWas() throws Exception {
        assertTrue(Files.size(ARCHIVE) > 1_000_000, ARCHIVE + " was not built");
        FileTime built = Files.getLastModifiedTime(ARCHIVE);
        byte[] before = Files.readAllBytes(ARCHIVE);

        Path classes = work.resolve("classes.log");
        Run launcher = run("launcher", Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), LAUNCHER.toString());
        Run plain = run("plain", Map.of(), "java", "-jar", JAR.toString());

        List<String> toolClasses = Files.readAllLines(classes).stream()
                .filter(line -> line.contains(" dev.gaday."))
                .toList();
        long mapped =
                toolClasses.stream().filter(line -> line.contains(ARCHIVED)).count();
        assertTrue(toolClasses.size() > 100, "classes loaded: " + toolClasses.size());
        // A few lambdas of the launcher's error path are made at run time whatever the archive holds.
        assertTrue(mapped >= toolClasses.size() * 95 / 100, mapped + " of " + toolClasses.size() + " archived");
        for (String core : List.of("cert.build.PackageBuilder ", "cert.input.Inputs ", "cert.pdf.PdfReport ")) {
            assertTrue(toolClasses.stream().anyMatch(line -> line.contains(core) && line.contains(ARCHIVED)), core);
        }
        assertSameRun(plain, launcher);
        assertEquals(built, Files.getLastModifiedTime(ARCHIVE));
        assertArrayEquals(before, Files.readAllBytes(ARCHIVE));
    }

    @Test
    void anArchiveThatIsNotTheJarsIsIgnoredWithoutAWord() throws Exception {
        // A rebuilt jar beside the old archive: same bytes, but a new modification time, as after `package`.
        Path directory = Files.createDirectories(work.resolve("rebuilt"));
        Path jar = Files.copy(JAR, directory.resolve("cert-package.jar"));
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(JAR).toMillis() + 60_000));
        Files.copy(ARCHIVE, directory.resolve("cert-package.jsa"), StandardCopyOption.COPY_ATTRIBUTES);

        Path classes = work.resolve("classes.log");
        Run stale = run(
                "stale",
                Map.of("CERT_PACKAGE_JAR", jar.toString(), "JAVA_OPTS", "-Xlog:class+load:file=" + classes),
                LAUNCHER.toString());
        Run plain = run("plain", Map.of(), "java", "-jar", JAR.toString());

        assertTrue(Files.readAllLines(classes).stream().noneMatch(line -> line.contains(ARCHIVED)));
        assertSameRun(plain, stale);
    }

    @Test
    void aCorruptArchiveBesideTheJarIsIgnoredWithoutAWord() throws Exception {
        Path directory = Files.createDirectories(work.resolve("corrupt"));
        Path jar = Files.copy(JAR, directory.resolve("cert-package.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(directory.resolve("cert-package.jsa"), garbage);

        Run corrupt = run("corrupt", Map.of("CERT_PACKAGE_JAR", jar.toString()), LAUNCHER.toString());
        Run plain = run("plain", Map.of(), "java", "-jar", JAR.toString());

        assertSameRun(plain, corrupt);
    }

    private static void assertSameRun(Run expected, Run actual) throws Exception {
        assertEquals(expected.exit(), actual.exit(), actual.err());
        assertEquals(expected.err(), actual.err());
        assertEquals(
                expected.out().replace(expected.outDir().toString(), "OUT"),
                actual.out().replace(actual.outDir().toString(), "OUT"));
        assertArrayEquals(
                Files.readAllBytes(expected.outDir().resolve("ga_certification_package.tar.gz")),
                Files.readAllBytes(actual.outDir().resolve("ga_certification_package.tar.gz")));
    }

    /** One cert-package run on the sample inputs, reproducible (SOURCE_DATE_EPOCH), with its output captured. */
    private Run run(String name, Map<String, String> environment, String... command) throws Exception {
        Path outDir = work.resolve(name + "-package");
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--inputs", INPUTS.toString(), "-o", outDir.toString()));
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(args)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("CERT_PACKAGE_JAR");
        builder.environment().put("SOURCE_DATE_EPOCH", "1795478400");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " did not end within 120 s");
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8),
                outDir);
    }

    private record Run(int exit, String out, String err, Path outDir) {}
}
