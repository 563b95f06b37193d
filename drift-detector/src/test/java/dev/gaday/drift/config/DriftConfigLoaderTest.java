package dev.gaday.drift.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gaday.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftConfigLoaderTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DriftConfigLoader.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theBuiltInSetSaysWhatTheDocumentedYamlSays() throws IOException {
        DriftConfig fromYaml = DriftConfigLoader.parse(Json.yaml(), resource(DriftConfigLoader.BUILT_IN_YAML), "yaml");
        assertEquals(fromYaml, DriftConfigLoader.load(null));
        // Field by field as well, so that a difference is named (records compare lists and maps by content).
        assertEquals(fromYaml.metrics(), DriftConfigLoader.load(null).metrics());
        assertEquals(fromYaml.groups(), DriftConfigLoader.load(null).groups());
        // The groups' order is the score's order in the analysis.
        assertEquals(
                List.copyOf(fromYaml.groups().keySet()),
                List.copyOf(DriftConfigLoader.load(null).groups().keySet()));
    }
}
