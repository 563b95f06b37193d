package dev.gaday.drift.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gaday.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class DriftConfigLoaderTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DriftConfigLoader.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theBuiltInJsonSaysWhatTheDocumentedYamlSays() throws IOException {
        DriftConfig fromYaml = DriftConfigLoader.parse(Json.yaml(), resource(DriftConfigLoader.BUILT_IN_YAML), "yaml");
        DriftConfig fromJson = DriftConfigLoader.parse(Json.mapper(), resource(DriftConfigLoader.BUILT_IN), "json");
        assertEquals(fromYaml, fromJson);
        assertEquals(fromJson, DriftConfigLoader.load(null));
    }
}
