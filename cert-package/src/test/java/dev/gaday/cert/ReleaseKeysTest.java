package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release-file key its schema does not know is a warning naming it (and the key it likely meant), not silence. */
class ReleaseKeysTest {
    @TempDir
    Path dir;

    private CommandRun certify(String release) throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        Files.writeString(in.resolve("release.yaml"), release);
        return CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString(), "--certify-only");
    }

    @Test
    void aMisspeltKeyIsNamedWithWhatItLikelyMeant() throws IOException {
        CommandRun run = certify(Fixtures.RELEASE_YAML
                .replace("incidents:", "incidnets:")
                .replace("timeEstimateMinutes:", "timeEstimate:"));
        List<String> warnings =
                run.err().lines().filter(l -> l.contains("unknown key")).toList();
        assertEquals(2, warnings.size(), run.err());
        assertTrue(
                warnings.get(0)
                        .endsWith("release.yaml: unknown key incidnets (did you mean 'incidents'?), ignored "
                                + "(docs/schema/release-file.md)"),
                warnings.toString());
        assertTrue(warnings.get(1).contains("unknown key rollback.timeEstimate"), warnings.toString());
        assertTrue(run.err().contains("warning:"), run.err());
    }

    @Test
    void theDocumentedExampleAndTheFixtureHaveNoUnknownKey() throws IOException {
        assertFalse(certify(Fixtures.RELEASE_YAML).err().contains("unknown key"));
        Path example = Path.of(System.getProperty("user.dir")).resolve("../templates/release.example.yaml");
        CommandRun run = certify(Files.readString(example));
        assertFalse(run.err().contains("unknown key"), run.err());
    }
}
