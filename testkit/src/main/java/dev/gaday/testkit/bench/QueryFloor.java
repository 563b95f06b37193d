package dev.gaday.testkit.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gaday.testkit.prometheus.SampleValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.ConnectionSpec;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor under kpi-collector's benchmark: a JVM that does nothing but send the queries the
 * collector logged (with -v), N at a time, through OkHttp, and read every answer's numbers with
 * Jackson's streaming parser, as the collector does. No options, configuration, KPIs or files.
 * scripts/bench/kpi.sh times it beside curl and the collector: what the collector needs beyond
 * this floor is its own work. Run with OkHttp and Jackson on the class path (kpi-collector.jar).
 *
 * <p>Usage: QueryFloor PROMETHEUS_URL QUERY_LOG [CONCURRENCY]. Prints the number of queries and
 * samples read; exit 4 with one line on stderr when a query fails.
 */
public final class QueryFloor {
    private static final String MARK = " promql=";

    private QueryFloor() {}

    /** One logged query: the API path and its form fields. */
    record LoggedQuery(String path, List<String[]> fields) {}

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: QueryFloor PROMETHEUS_URL QUERY_LOG [CONCURRENCY]");
            System.exit(2);
        }
        try {
            List<String> log;
            try {
                log = Files.readAllLines(Path.of(args[1]));
            } catch (IOException e) {
                throw new IOException(
                        "cannot read the query log " + args[1] + ": "
                                + e.getClass().getSimpleName(),
                        e);
            }
            List<LoggedQuery> queries = parseLog(log);
            long samples = run(args[0], queries, args.length == 3 ? Integer.parseInt(args[2]) : 4);
            System.out.println(queries.size() + " queries, " + samples + " samples");
            System.exit(0);
        } catch (IOException | RuntimeException e) {
            System.err.println("QueryFloor: " + e.getMessage());
            System.exit(4);
        }
    }

    /** The queries of a kpi-collector -v log, in its order (lines without " promql=" are skipped). */
    static List<LoggedQuery> parseLog(List<String> lines) {
        List<LoggedQuery> queries = new ArrayList<>();
        for (String line : lines) {
            int mark = line.indexOf(MARK);
            if (mark < 0) {
                continue;
            }
            List<String[]> fields = new ArrayList<>();
            fields.add(new String[] {"query", line.substring(mark + MARK.length())});
            String head = line.substring(0, mark);
            if (head.contains("query_range ")) {
                for (String name : List.of("start", "end", "step")) {
                    fields.add(new String[] {name, word(head, name + "=")});
                }
                queries.add(new LoggedQuery("/api/v1/query_range", fields));
            } else if (head.contains("query ")) {
                fields.add(new String[] {"time", word(head, "time=")});
                queries.add(new LoggedQuery("/api/v1/query", fields));
            } else {
                throw new IllegalArgumentException("not a query line: " + line);
            }
        }
        return queries;
    }

    /** Sends every query (CONCURRENCY at a time) and returns the number of samples read. */
    static long run(String baseUrl, List<LoggedQuery> queries, int concurrency) throws IOException {
        OkHttpClient client = new OkHttpClient.Builder()
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .build();
        JsonFactory json = new JsonFactory();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (LoggedQuery query : queries) {
                FormBody.Builder form = new FormBody.Builder();
                query.fields().forEach(field -> form.add(field[0], field[1]));
                // Identity, as the collector asks on loopback: no gzip work at either end.
                Request request = new Request.Builder()
                        .url(baseUrl + query.path())
                        .header("Accept-Encoding", "identity")
                        .post(form.build())
                        .build();
                answers.add(pool.submit(() -> {
                    try (Response response = client.newCall(request).execute()) {
                        if (response.code() != 200) {
                            throw new IOException(query.path() + " answered HTTP " + response.code());
                        }
                        return countSamples(json, response.body().byteStream());
                    }
                }));
            }
            long samples = 0;
            for (Future<Long> answer : answers) {
                samples += answer.get();
            }
            return samples;
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /**
     * Reads a Prometheus API answer to its end: each sample is [time, "value"], the value a string,
     * parsed to a double as the collector does. Fails unless the answer says "status":"success".
     */
    static long countSamples(JsonFactory json, java.io.InputStream body) throws IOException {
        long samples = 0;
        boolean success = false;
        try (JsonParser parser = json.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME
                        && "status".equals(parser.currentName())
                        && parser.getParsingContext().getParent().inRoot()) {
                    success = "success".equals(parser.nextTextValue());
                } else if (token == JsonToken.VALUE_STRING
                        && parser.getParsingContext().inArray()
                        && parser.getParsingContext().getCurrentIndex() == 1) {
                    SampleValues.parse(parser.getText());
                    samples++;
                }
            }
        }
        if (!success) {
            throw new IOException("an answer did not say \"status\":\"success\"");
        }
        return samples;
    }

    private static String word(String text, String prefix) {
        int start = text.indexOf(prefix);
        if (start < 0) {
            throw new IllegalArgumentException("no " + prefix + " in: " + text);
        }
        start += prefix.length();
        int end = text.indexOf(' ', start);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }
}
