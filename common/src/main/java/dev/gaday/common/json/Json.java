package dev.gaday.common.json;

import dev.gaday.common.io.AtomicFiles;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.verdict.Comparator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The one configured ObjectMapper (and its YAML twin) for every file the toolkit reads or writes. */
public final class Json {
    // The fast (Schubfach) double writer: the same shortest round-trip digits, several times cheaper than
    // Double.toString on JDK 17, and the files written are mostly doubles.
    private static final ObjectMapper MAPPER = configure(JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)).build();
    /** For {@link #write(java.io.OutputStream, Object)}: leaves the caller's stream open. */
    private static final ObjectWriter STREAM_WRITER = MAPPER.writer()
            .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    /**
     * Records map by their component names; Jackson annotations work as documented. A {@link Comparator}
     * is its symbol (">=") in JSON, said once here for every file rather than on the enum.
     */
    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        SimpleModule symbols = new SimpleModule("comparator-symbols");
        symbols.addSerializer(Comparator.class, new StdSerializer<>(Comparator.class) {
            @Override
            public void serialize(Comparator value, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeString(value.symbol());
            }
        });
        symbols.addDeserializer(Comparator.class, new StdDeserializer<>(Comparator.class) {
            @Override
            public Comparator deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                    return (Comparator) context.handleUnexpectedToken(Comparator.class, parser);
                }
                try {
                    return Comparator.parse(parser.getText());
                } catch (IllegalArgumentException e) {
                    throw context.weirdStringException(parser.getText(), Comparator.class, e.getMessage());
                }
            }
        });
        return builder
                .addModule(symbols)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .serializationInclusion(JsonInclude.Include.ALWAYS);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper yaml() {
        return YamlHolder.YAML;
    }

    /** Made on first use: the YAML classes cost start-up time that most runs never need. */
    private static final class YamlHolder {
        private static final ObjectMapper YAML = configure(YAMLMapper.builder(new YAMLFactory())).build();
    }

    /** Serialises to pretty JSON with a trailing newline. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Serialises to pretty JSON with a trailing newline, straight into a stream (left open). */
    public static void write(java.io.OutputStream out, Object value) throws IOException {
        STREAM_WRITER.writeValue(out, value);
        out.write('\n');
    }

    /** Writes JSON atomically: readers see the old file or the whole new one, never half. */
    public static void writeFile(Path file, Object value) {
        AtomicFiles.writeString(file, write(value));
    }

    /** Reads a JSON (or, for .yaml/.yml, YAML) file; any failure is one line naming file and place. */
    public static <T> T readFile(Path file, Class<T> type) {
        ObjectMapper mapper = isYaml(file) ? yaml() : MAPPER;
        try {
            return mapper.readValue(Files.readAllBytes(file), type);
        } catch (NoSuchFileException e) {
            throw ToolException.badInput(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw ToolException.badInput(describe(file, e), e);
        } catch (IOException e) {
            throw ToolException.badInput(file + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // Thrown by records' compact constructors when a value is out of range.
            throw ToolException.badInput(file + ": " + e.getMessage(), e);
        }
    }

    /** One line: file, line:column, JSON path and the parser's reason (no stack, no source excerpt). */
    public static String describe(Path file, JsonProcessingException e) {
        StringBuilder line = new StringBuilder(file.toString());
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            line.append(':').append(e.getLocation().getLineNr()).append(':').append(e.getLocation().getColumnNr());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            line.append(" at ").append(pathOf(mapping));
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
        line.append(": ").append(firstLine(reason));
        return line.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "malformed";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
