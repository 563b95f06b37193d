package dev.gaday.kpi.validate.source;

import dev.gaday.kpi.validate.check.CheckFailure;
import dev.gaday.kpi.validate.check.ErrorKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Times full page loads (request sent until the whole body is read) of one URL, one request after another. */
public final class HttpTiming {
    private HttpTiming() {}

    /** The load times in seconds, and the statuses that were not 2xx. */
    public record Timings(String url, double[] seconds, List<Integer> badStatuses) {
        /** The nearest-rank quantile of the load times. */
        public double quantile(double q) {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }

    public static Timings measure(String url, int requests, String headerName, String headerValue, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CheckFailure(ErrorKind.DEFINITION, "invalid URL '" + url + "'");
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        double[] seconds = new double[requests];
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(uri).timeout(timeout).GET().header("Cache-Control", "no-cache");
            if (headerValue != null) {
                request.header(headerName, headerValue);
            }
            long started = System.nanoTime();
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                seconds[i] = (System.nanoTime() - started) / 1e9;
                if (response.statusCode() / 100 != 2) {
                    bad.add(response.statusCode());
                }
            } catch (IOException e) {
                throw CheckFailure.source(
                        "GET " + url + ": " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CheckFailure.source("interrupted", e);
            }
        }
        return new Timings(url, seconds, bad);
    }
}
