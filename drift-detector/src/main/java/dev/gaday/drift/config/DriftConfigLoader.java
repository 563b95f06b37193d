package dev.gaday.drift.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads drift.yaml (or the built-in metric set); any problem is one usage line naming the file.
 * The built-in set is documented as {@value #BUILT_IN_YAML} and made by its Java twin
 * {@link BuiltInMetrics}: a run without --config then parses no configuration (the YAML parser is
 * about 0.3 s of CPU with the tools' C1-only JIT). DriftConfigLoaderTest checks that the two say the same.
 */
public final class DriftConfigLoader {
    static final String BUILT_IN_YAML = "default-drift.yaml";

    private DriftConfigLoader() {}

    public static DriftConfig load(Path file) {
        if (file == null) {
            DriftConfig builtIn = BuiltInMetrics.config();
            builtIn.validate();
            return builtIn;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ToolException.usage(file + ": no such configuration file");
        } catch (IOException e) {
            throw ToolException.usage(file + ": cannot read: " + e.getMessage());
        }
        return parse(Json.yaml(), bytes, file.toString());
    }

    static DriftConfig parse(com.fasterxml.jackson.databind.ObjectMapper mapper, byte[] yaml, String source) {
        DriftConfig config;
        try {
            config = mapper.readerFor(DriftConfig.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(yaml);
        } catch (JsonProcessingException e) {
            throw ToolException.usage(Json.describe(Path.of(source), e, mapper, yaml));
        } catch (IOException e) {
            throw ToolException.usage(source + ": " + e.getMessage());
        }
        if (config == null) {
            throw ToolException.usage(source + ": the configuration is empty");
        }
        try {
            config.validate();
        } catch (IllegalArgumentException e) {
            throw ToolException.usage(source + ": " + e.getMessage());
        }
        return config;
    }
}
