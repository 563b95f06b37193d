package dev.gaday.common.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Prometheus API answer with Jackson's streaming parser: samples go straight into records,
 * without a JSON tree in between (a range chunk can hold millions of samples). Field order does not
 * matter. Structural surprises are {@link Malformed}; native-histogram samples are
 * {@link NativeHistogram}; JSON syntax errors are Jackson's own exceptions.
 */
final class ApiResponseReader {
    /** The answer's parts; {@code result*} only for query answers, {@code strings} only for list answers. */
    static final class ApiResponse {
        String status;
        String errorType;
        String error;
        final List<String> warnings = new ArrayList<>();
        String resultType;
        boolean hasResult;
        final List<Element> elements = new ArrayList<>();
        Instant pairTime;
        String pairText;
        List<String> strings;
        /** String-valued members of an object {@code data} (e.g. /api/v1/status/flags). */
        final Map<String, String> members = new LinkedHashMap<>();
    }

    /** One element of a vector (sample set) or matrix (samples set: {@code series}). */
    record Element(Map<String, String> metric, QueryResult.Sample sample, QueryResult.Series series) {}

    /** The JSON is valid but not shaped like the API's answer. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** A series holds native-histogram samples. */
    static final class NativeHistogram extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Map<String, String> metric;

        NativeHistogram(Map<String, String> metric) {
            super("native histogram", null, false, false);
            this.metric = metric;
        }
    }

    private ApiResponseReader() {}

    static ApiResponse read(byte[] body) throws IOException, Malformed, NativeHistogram {
        return read(new java.io.ByteArrayInputStream(body));
    }

    /** Reads the answer as it streams in; the caller closes {@code body}. */
    static ApiResponse read(java.io.InputStream body) throws IOException, Malformed, NativeHistogram {
        try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("the body is not a JSON object");
            }
            ApiResponse response = new ApiResponse();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "status" -> response.status = text(parser, token, "status");
                    case "errorType" -> response.errorType = text(parser, token, "errorType");
                    case "error" -> response.error = text(parser, token, "error");
                    case "warnings" -> response.warnings.addAll(strings(parser, token, "warnings", ""));
                        // Prometheus 2.46+ separates informational annotations; keep them, marked.
                    case "infos" -> response.warnings.addAll(strings(parser, token, "infos", "info: "));
                    case "data" -> readData(parser, token, response);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new Malformed("content after the JSON object");
            }
            return response;
        }
    }

    private static String text(JsonParser parser, JsonToken token, String field) throws IOException, Malformed {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw new Malformed("'" + field + "' is not a string");
        }
        return parser.getText();
    }

    private static List<String> strings(JsonParser parser, JsonToken token, String field, String prefix)
            throws IOException, Malformed {
        List<String> values = new ArrayList<>();
        if (token == JsonToken.VALUE_NULL) {
            return values;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new Malformed("'" + field + "' is not a list");
        }
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item != JsonToken.VALUE_STRING) {
                throw new Malformed("an entry of '" + field + "' is not a string");
            }
            values.add(prefix + parser.getText());
        }
        return values;
    }

    private static void readData(JsonParser parser, JsonToken token, ApiResponse response)
            throws IOException, Malformed, NativeHistogram {
        if (token == JsonToken.START_ARRAY) {
            response.strings = strings(parser, token, "data", "");
        } else if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "resultType" -> response.resultType = text(parser, value, "data.resultType");
                    case "result" -> readResult(parser, value, response);
                    default -> {
                        if (value == JsonToken.VALUE_STRING && response.members.size() < 1000) {
                            response.members.put(field, parser.getText());
                        }
                        parser.skipChildren();
                    }
                }
            }
        } else if (token != JsonToken.VALUE_NULL) {
            throw new Malformed("'data' is neither an object nor a list");
        }
    }

    /** Either a list of elements (vector, matrix) or one [time, "text"] pair (scalar, string). */
    private static void readResult(JsonParser parser, JsonToken token, ApiResponse response)
            throws IOException, Malformed, NativeHistogram {
        if (token != JsonToken.START_ARRAY) {
            throw new Malformed("'data.result' is not a list");
        }
        response.hasResult = true;
        JsonToken first = parser.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return;
        }
        if (first == JsonToken.START_OBJECT) {
            JsonToken next = first;
            SampleBuffer buffer = new SampleBuffer();
            while (next == JsonToken.START_OBJECT) {
                response.elements.add(readElement(parser, buffer));
                next = parser.nextToken();
            }
            if (next != JsonToken.END_ARRAY) {
                throw new Malformed("'data.result' mixes series with other values");
            }
            return;
        }
        response.pairTime = time(parser, first);
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw new Malformed("a scalar or string result is not [time, \"text\"]");
        }
        response.pairText = parser.getText();
        if (parser.nextToken() != JsonToken.END_ARRAY) {
            throw new Malformed("a scalar or string result is not [time, \"text\"]");
        }
    }

    /**
     * One series' samples as they are read, in arrays reused from series to series (and copied to their
     * exact size once the series is complete): no object per sample, no array doubling per series.
     */
    private static final class SampleBuffer {
        long[] times = new long[1024];
        double[] values = new double[1024];
        int size;

        void add(long time, double value) {
            if (size == times.length) {
                times = java.util.Arrays.copyOf(times, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            times[size] = time;
            values[size] = value;
            size++;
        }

        /** The samples as they came (Prometheus sends them in ascending time). */
        QueryResult.Series take(Map<String, String> metric) {
            QueryResult.Series series = QueryResult.Series.of(
                    metric, java.util.Arrays.copyOf(times, size), java.util.Arrays.copyOf(values, size));
            size = 0;
            return series;
        }
    }

    private static Element readElement(JsonParser parser, SampleBuffer buffer)
            throws IOException, Malformed, NativeHistogram {
        Map<String, String> metric = Map.of();
        QueryResult.Sample sample = null;
        boolean hasValues = false;
        boolean histogram = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "metric" -> metric = metric(parser, token);
                case "value" -> sample = sample(parser, token);
                case "values" -> {
                    if (token != JsonToken.START_ARRAY) {
                        throw new Malformed("'values' of a series is not a list");
                    }
                    hasValues = true;
                    buffer.size = 0;
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        readSample(parser, item, buffer);
                    }
                }
                case "histogram", "histograms" -> {
                    histogram = true;
                    parser.skipChildren();
                }
                default -> parser.skipChildren();
            }
        }
        if (histogram) {
            throw new NativeHistogram(metric);
        }
        if (sample == null && !hasValues) {
            throw new Malformed("a result element has neither 'value' nor 'values'");
        }
        return new Element(metric, sample, hasValues ? buffer.take(metric) : null);
    }

    private static Map<String, String> metric(JsonParser parser, JsonToken token) throws IOException, Malformed {
        if (token != JsonToken.START_OBJECT) {
            throw new Malformed("a result element's 'metric' is not an object");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new Malformed("label " + name + " is not a string");
            }
            labels.put(name, parser.getText());
        }
        return labels;
    }

    private static QueryResult.Sample sample(JsonParser parser, JsonToken token) throws IOException, Malformed {
        if (token != JsonToken.START_ARRAY) {
            throw new Malformed("a sample is not [time, \"value\"]");
        }
        Instant time = time(parser, parser.nextToken());
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw new Malformed("a sample is not [time, \"value\"]");
        }
        double value = value(parser.getText());
        if (parser.nextToken() != JsonToken.END_ARRAY) {
            throw new Malformed("a sample is not [time, \"value\"]");
        }
        return new QueryResult.Sample(time, value);
    }

    /** One [time, "value"] of a series' values, straight into the buffer. */
    private static void readSample(JsonParser parser, JsonToken token, SampleBuffer buffer)
            throws IOException, Malformed {
        if (token != JsonToken.START_ARRAY) {
            throw new Malformed("a sample is not [time, \"value\"]");
        }
        long time = timeMillis(parser, parser.nextToken());
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw new Malformed("a sample is not [time, \"value\"]");
        }
        // From the parser's own buffer: no String per sample.
        double value = value(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (parser.nextToken() != JsonToken.END_ARRAY) {
            throw new Malformed("a sample is not [time, \"value\"]");
        }
        buffer.add(time, value);
    }

    private static Instant time(JsonParser parser, JsonToken token) throws IOException, Malformed {
        return Instant.ofEpochMilli(timeMillis(parser, token));
    }

    private static long timeMillis(JsonParser parser, JsonToken token) throws IOException, Malformed {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new Malformed("a sample time is not a number");
        }
        return Math.round(parser.getDoubleValue() * 1000.0);
    }

    static double value(String text) throws Malformed {
        try {
            return parseValue(text);
        } catch (NumberFormatException e) {
            throw new Malformed("a sample value is not a number: '"
                    + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'");
        }
    }

    /** {@link #value(String)} of the characters {@code text[offset, offset + length)}. */
    static double value(char[] text, int offset, int length) throws Malformed {
        if (length == 0 || !plainNumber(text, offset, length)) {
            // Empty, "NaN", "+Inf", "-Inf" or something wrong: the String way (and its message).
            return value(new String(text, offset, length));
        }
        try {
            return com.fasterxml.jackson.core.io.doubleparser.JavaDoubleParser.parseDouble(text, offset, length);
        } catch (NumberFormatException e) {
            return value(new String(text, offset, length));
        }
    }

    /** The checks of {@link #parseValue}: a sign, digit or point first, a digit or point last. */
    private static boolean plainNumber(char[] text, int offset, int length) {
        char first = text[offset];
        char last = text[offset + length - 1];
        return (Character.isDigit(first) || first == '-' || first == '+' || first == '.')
                && (Character.isDigit(last) || last == '.');
    }

    /** Prometheus's float text: Go's strconv.FormatFloat plus "NaN", "+Inf", "-Inf". */
    static double parseValue(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                // Java would also take "Infinity", "0x1p3" or a trailing 'd'; the API never sends those.
                if (text.isEmpty()
                        || !(Character.isDigit(text.charAt(0))
                                || text.charAt(0) == '-'
                                || text.charAt(0) == '+'
                                || text.charAt(0) == '.')
                        || !Character.isDigit(text.charAt(text.length() - 1))
                                && text.charAt(text.length() - 1) != '.') {
                    throw new NumberFormatException(text);
                }
                // Jackson's bundled FastDoubleParser: the same correctly rounded double as Double.parseDouble,
                // several times faster, and a 24-hour range answer holds hundreds of thousands of values.
                yield com.fasterxml.jackson.core.io.NumberInput.parseDouble(text, true);
            }
        };
    }
}
