package dev.gaday.kpi.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** Loads the built-in defaults and merges the user's YAML file over them, key by key. */
public final class KpiConfigLoader {
    static final String DEFAULTS = "default-config.yaml";
    private static JsonNode defaults;
    private static KpiConfig builtIn;

    private KpiConfigLoader() {}

    public static KpiConfig load(Path userFile) {
        if (userFile == null) {
            return builtIn();
        }
        JsonNode merged = defaultsTree().deepCopy();
        byte[] content = read(userFile);
        JsonNode user = readTree(userFile, content);
        if (user != null && !user.isNull() && !user.isMissingNode()) {
            if (!user.isObject()) {
                throw ToolException.usage(userFile + ": the configuration must be a YAML mapping");
            }
            merge((ObjectNode) merged, (ObjectNode) user);
        }
        return toConfig(merged, userFile.toString(), content);
    }

    /**
     * The built-in defaults as a config, made once per JVM (it is immutable): a run without --config
     * uses the one the start-up warm-up already made, or waits for it rather than making it again.
     */
    private static synchronized KpiConfig builtIn() {
        if (builtIn == null) {
            builtIn = toConfig(defaultsTree(), "built-in defaults", null);
        }
        return builtIn;
    }

    /** {@code content}: the user's file, whose keys are the only ones that can be unknown; null for the defaults. */
    private static KpiConfig toConfig(JsonNode merged, String source, byte[] content) {
        KpiConfig config;
        try {
            config = Json.yaml()
                    .readerFor(KpiConfig.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(merged);
        } catch (JsonProcessingException e) {
            throw ToolException.usage(Json.describe(Path.of(source), e, Json.yaml(), content));
        } catch (IOException e) {
            throw ToolException.usage(source + ": " + e.getMessage());
        }
        try {
            config.validate();
        } catch (IllegalArgumentException e) {
            throw ToolException.usage(source + ": " + e.getMessage());
        }
        return config;
    }

    /** The effective configuration as YAML, for --print-config. */
    /** The effective configuration as YAML with a comment above each key (the built-in defaults' comments). */
    public static String toCommentedYaml(KpiConfig config) {
        try (InputStream in = KpiConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + DEFAULTS + " is missing from the jar");
            }
            String commented = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return dev.gaday.common.cli.CommentedYaml.annotate(
                    toYaml(config), dev.gaday.common.cli.CommentedYaml.read(commented));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in " + DEFAULTS, e);
        }
    }

    public static String toYaml(KpiConfig config) {
        try {
            return Json.yaml().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the configuration", e);
        }
    }

    /** The built-in defaults' tree, parsed once per JVM (copy it before merging into it). */
    private static synchronized JsonNode defaultsTree() {
        if (defaults == null) {
            try (InputStream in = KpiConfigLoader.class.getResourceAsStream(DEFAULTS)) {
                if (in == null) {
                    throw new IllegalStateException("built-in " + DEFAULTS + " is missing from the jar");
                }
                defaults = Json.yaml().readTree(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read built-in " + DEFAULTS, e);
            }
        }
        return defaults;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ToolException.usage(file + ": no such configuration file");
        } catch (IOException e) {
            throw ToolException.usage(file + ": cannot read: " + e.getMessage());
        }
    }

    private static JsonNode readTree(Path file, byte[] content) {
        try {
            return Json.yaml().readTree(content);
        } catch (JsonProcessingException e) {
            throw ToolException.usage(Json.describe(file, e));
        } catch (IOException e) {
            throw ToolException.usage(file + ": cannot read: " + e.getMessage());
        }
    }

    private static void merge(ObjectNode target, ObjectNode overrides) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject
                    && field.getValue() instanceof ObjectNode overrideObject) {
                merge(existingObject, overrideObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}
