package dev.gaday.slo.query;

import dev.gaday.slo.spec.Sli;
import dev.gaday.slo.spec.SloSpecLoader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PromQL templates of an SLI: bad and total events over {@code {{window}}}, each a count from counter
 * increases (Prometheus's increase() handles counter resets). A latency SLI counts the +Inf bucket as total
 * and the requests above the threshold's bucket as bad.
 */
public record SliQueries(String errors, String total) {

    public static SliQueries events(Sli.Events sli) {
        return new SliQueries(sli.errors(), sli.total());
    }

    /** {@code le} is the bucket label exactly as the server stores it (e.g. "1" or "1.0"). */
    public static SliQueries latency(Sli.Latency sli, String le) {
        String all = bucket(sli, "+Inf");
        return new SliQueries(all + " - " + bucket(sli, le), all);
    }

    private static String bucket(Sli.Latency sli, String le) {
        String labels = sli.selector().isEmpty() ? "" : sli.selector() + ",";
        return "sum(increase(" + sli.metric() + "_bucket{" + labels + "le=\"" + le + "\"}[" + SloSpecLoader.WINDOW_TOKEN
                + "]))";
    }

    /** The bucket series selector of a latency SLI, for looking up its {@code le} values. */
    public static String bucketSelector(Sli.Latency sli) {
        return sli.metric() + "_bucket" + (sli.selector().isEmpty() ? "" : "{" + sli.selector() + "}");
    }

    public String errors(Duration window) {
        return errors.replace(SloSpecLoader.WINDOW_TOKEN, promDuration(window));
    }

    public String total(Duration window) {
        return total.replace(SloSpecLoader.WINDOW_TOKEN, promDuration(window));
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("errors", errors);
        map.put("total", total);
        return map;
    }

    /** Whole seconds: every PromQL version reads "86400s". */
    public static String promDuration(Duration window) {
        return window.toSeconds() + "s";
    }
}
