package dev.gaday.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.io.AtomicFiles;
import dev.gaday.common.model.InvalidValueException;
import dev.gaday.common.text.Typos;
import dev.gaday.common.verdict.Comparator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** The one configured ObjectMapper (and its YAML twin) for every file the toolkit reads or writes. */
public final class Json {
    // The fast (Schubfach) double writer: the same shortest round-trip digits, several times cheaper than
    // Double.toString on JDK 17, and the files written are mostly doubles.
    private static final ObjectMapper MAPPER = configure(
                    JsonMapper.builder().enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER))
            .build();
    /** For {@link #write(java.io.OutputStream, Object)}: leaves the caller's stream open. */
    private static final ObjectWriter STREAM_WRITER =
            MAPPER.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {}

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
        return builder.addModule(symbols)
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
        private static final ObjectMapper YAML =
                configure(YAMLMapper.builder(new YAMLFactory())).build();
    }

    /** Serialises to pretty JSON with a trailing newline. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
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
        return readFile(file, type, new java.nio.file.OpenOption[0]);
    }

    /**
     * As {@link #readFile(Path, Class)}, opening the file with {@code options}: e.g.
     * {@link java.nio.file.LinkOption#NOFOLLOW_LINKS} to refuse a symbolic link (O_NOFOLLOW).
     */
    public static <T> T readFile(Path file, Class<T> type, java.nio.file.OpenOption... options) {
        ObjectMapper mapper = isYaml(file) ? yaml() : MAPPER;
        try {
            byte[] content;
            if (options.length == 0) {
                content = Files.readAllBytes(file);
            } else {
                try (java.io.InputStream in = Files.newInputStream(file, options)) {
                    content = in.readAllBytes();
                }
            }
            try {
                return mapper.readValue(content, type);
            } catch (JsonMappingException e) {
                throw ToolException.badInput(describeMapping(file, e, mapper, content, type), e);
            }
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

    /**
     * A mapping failure in one line. A file of another kind fails on the first field the expected kind
     * requires (a missing boolean, say); read again without requiring primitives, it reaches the
     * record's header check, whose words ("kind is 'x', expected 'y'") say what is really wrong.
     */
    private static String describeMapping(
            Path file, JsonMappingException e, ObjectMapper mapper, byte[] content, Class<?> type) {
        if (!(rootCause(e) instanceof IllegalArgumentException)) {
            try {
                mapper.readerFor(type)
                        .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .readValue(content);
            } catch (JsonMappingException lenient) {
                String reason = rootCause(lenient).getMessage();
                if (rootCause(lenient) instanceof IllegalArgumentException
                        && reason != null
                        && (reason.startsWith("kind is") || reason.startsWith("schemaVersion"))) {
                    return file + ": " + firstLine(reason);
                }
            } catch (IOException | RuntimeException other) {
                // Only a better message was sought; the first failure stands.
            }
        }
        return describe(file, e);
    }

    /**
     * One line: file, line:column, JSON path, what was expected and what was found (no stack, no source
     * excerpt, no class names). A record's own check (an {@link IllegalArgumentException} from a compact
     * constructor) gives its message; one that names a field ({@link InvalidValueException}) extends
     * the path with it.
     */
    public static String describe(Path file, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            int lineNr = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            return unknownKey(file, unknown, lineNr);
        }
        StringBuilder line = new StringBuilder(file.toString());
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            line.append(':')
                    .append(e.getLocation().getLineNr())
                    .append(':')
                    .append(e.getLocation().getColumnNr());
        }
        String path = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        Throwable root = rootCause(e);
        String reason;
        if (root instanceof InvalidValueException invalid) {
            path = path.isEmpty() ? invalid.field() : path + "." + invalid.field();
            reason = invalid.problem();
        } else if (root instanceof IllegalArgumentException) {
            reason = root.getMessage();
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            reason = "expected " + expected(mismatch.getTargetType()) + ", found " + found(mismatch);
        } else {
            reason = e.getOriginalMessage();
        }
        if (!path.isEmpty()) {
            line.append(" at ").append(path);
        }
        line.append(": ").append(withoutParserSource(firstLine(reason)));
        return line.toString();
    }

    /** Jackson's "(for Array starting at [Source: REDACTED (...); line: 1, column: 7])", in the report's words. */
    private static final Pattern PARSER_SOURCE =
            Pattern.compile("\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)]");

    static String withoutParserSource(String reason) {
        return PARSER_SOURCE.matcher(reason).replaceAll("line $1, column $2");
    }

    /**
     * As {@link #describe(Path, JsonProcessingException)}, for a failure of reading {@code content} (the file's
     * bytes, parsed by {@code mapper}; directly or through a tree made from them): an unknown key gets the line
     * of the key itself, found by walking the file to the key's path. The exception's own location is where the
     * parser stood when the object was finished (a record's creator reads the whole object first) or, read from
     * a tree, nowhere.
     */
    public static String describe(Path file, JsonProcessingException e, ObjectMapper mapper, byte[] content) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownKey(file, unknown, lineOf(mapper, content, unknown.getPath()));
        }
        return describe(file, e);
    }

    /** "file:3: unknown key 'version' (known keys: a, b)", or "... in labels (did you mean 'status'?)". */
    private static String unknownKey(Path file, UnrecognizedPropertyException e, int lineNr) {
        StringBuilder line = new StringBuilder(file.toString());
        if (lineNr > 0) {
            line.append(':').append(lineNr);
        }
        String name = e.getPropertyName();
        line.append(": unknown key '").append(name).append('\'');
        List<JsonMappingException.Reference> path = e.getPath();
        String parent = path.isEmpty() ? "" : pathOf(path.subList(0, path.size() - 1));
        if (!parent.isEmpty()) {
            line.append(" in ").append(parent);
        }
        List<String> known = new ArrayList<>();
        if (e.getKnownPropertyIds() != null) {
            e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
        }
        Collections.sort(known);
        String close = Typos.closest(name, known);
        if (close != null) {
            line.append(" (did you mean '").append(close).append("'?)");
        } else if (!known.isEmpty()) {
            line.append(" (known keys: ").append(String.join(", ", known)).append(')');
        }
        return firstLine(line.toString());
    }

    /** The line of the key (or list item) at {@code path} in {@code content}, or -1 when it is not found. */
    private static int lineOf(ObjectMapper mapper, byte[] content, List<JsonMappingException.Reference> path) {
        if (content == null || path.isEmpty()) {
            return -1;
        }
        try (JsonParser parser = mapper.getFactory().createParser(content)) {
            JsonToken token = parser.nextToken();
            for (int depth = 0; depth < path.size(); depth++) {
                JsonMappingException.Reference ref = path.get(depth);
                if (ref.getFieldName() != null && token == JsonToken.START_OBJECT) {
                    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME
                            && !ref.getFieldName().equals(parser.currentName())) {
                        parser.nextToken();
                        parser.skipChildren();
                    }
                    if (token != JsonToken.FIELD_NAME) {
                        return -1;
                    }
                } else if (ref.getIndex() >= 0 && token == JsonToken.START_ARRAY) {
                    for (int i = 0; i <= ref.getIndex(); i++) {
                        token = parser.nextToken();
                        if (token == null || token == JsonToken.END_ARRAY) {
                            return -1;
                        }
                        if (i < ref.getIndex()) {
                            parser.skipChildren();
                        }
                    }
                } else {
                    return -1;
                }
                if (depth == path.size() - 1) {
                    return parser.currentTokenLocation().getLineNr();
                }
                if (token == JsonToken.FIELD_NAME) {
                    token = parser.nextToken();
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            // Only a better line was sought; the message stands without one.
            return -1;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** What a JSON value of this type looks like, in words. */
    static String expected(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == java.time.Instant.class
                || type == java.time.OffsetDateTime.class
                || type == java.time.ZonedDateTime.class) {
            return "an RFC 3339 time such as 2026-01-15T00:00:00Z";
        }
        if (type == java.time.Duration.class) {
            return "an ISO-8601 duration such as PT5M";
        }
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                names.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name());
            }
            return names.toString();
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** What stood where a value could not be mapped, in words; values are quoted, short and printable. */
    private static String found(MismatchedInputException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Cannot map `null`")) {
            // An absent field reaches the record's constructor as null too; the parser then stands at
            // the end of the object rather than on a null.
            return e.getProcessor() instanceof JsonParser parser && parser.currentToken() == JsonToken.VALUE_NULL
                    ? "null"
                    : "nothing (the field is missing)";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            return invalid.getValue() instanceof String text
                    ? "the string " + quote(text)
                    : "the value " + quote(String.valueOf(invalid.getValue()));
        }
        if (e.getProcessor() instanceof JsonParser parser && parser.currentToken() != null) {
            return switch (parser.currentToken()) {
                case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
                case START_ARRAY, END_ARRAY -> "a list";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "true or false";
                case VALUE_NULL -> "null";
                default -> "something else";
            };
        }
        return "something else";
    }

    private static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }

    private static String pathOf(JsonMappingException e) {
        return pathOf(e.getPath());
    }

    private static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
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
