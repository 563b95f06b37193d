package dev.gaday.cert.input;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.validation.ValidationResults;
import dev.gaday.common.model.ws.WsHealthMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded inputs. Each tool file is read into its record (a malformed one stops the run with
 * one line naming file and place, exit 4). {@code documents} holds every JSON input as a tree under its spec name, so
 * that {@code bindings} can point into any of them.
 */
public record Inputs(
        InputFiles files,
        KpiSummary kpiSummary,
        List<KpiSnapshot> snapshots,
        WsHealthMetrics wsHealth,
        ReleaseFile release,
        Map<String, JsonNode> documents,
        ValidationResults validation,
        DriftAnalysis drift,
        SloStatus slo) {

    public Inputs {
        snapshots = List.copyOf(snapshots);
        documents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(documents));
        release = release == null ? ReleaseFile.empty() : release;
    }

    public static Inputs load(InputFiles files) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        KpiSummary summary = null;
        Optional<Path> kpiFile = files.get(InputFiles.KPI_SUMMARY);
        if (kpiFile.isPresent()) {
            summary = Json.readFile(kpiFile.get(), KpiSummary.class, NOFOLLOW_LINKS);
            documents.put(InputFiles.KPI_SUMMARY, Json.mapper().valueToTree(summary));
        }
        WsHealthMetrics ws = null;
        Optional<Path> wsFile = files.get(InputFiles.WS_HEALTH);
        if (wsFile.isPresent()) {
            ws = Json.readFile(wsFile.get(), WsHealthMetrics.class, NOFOLLOW_LINKS);
            documents.put(InputFiles.WS_HEALTH, Json.mapper().valueToTree(ws));
        }
        ValidationResults validation = null;
        Optional<Path> validationFile = files.get(InputFiles.VALIDATION_JSON);
        if (validationFile.isPresent()) {
            validation = Json.readFile(validationFile.get(), ValidationResults.class, NOFOLLOW_LINKS);
            documents.put(InputFiles.VALIDATION_JSON, Json.mapper().valueToTree(validation));
        }
        DriftAnalysis drift = null;
        Optional<Path> driftFile = files.get(InputFiles.DRIFT_ANALYSIS);
        if (driftFile.isPresent()) {
            drift = Json.readFile(driftFile.get(), DriftAnalysis.class, NOFOLLOW_LINKS);
            documents.put(InputFiles.DRIFT_ANALYSIS, Json.mapper().valueToTree(drift));
        }
        SloStatus slo = null;
        Optional<Path> sloFile = files.get(InputFiles.SLO_STATUS);
        if (sloFile.isPresent()) {
            slo = Json.readFile(sloFile.get(), SloStatus.class, NOFOLLOW_LINKS);
            documents.put(InputFiles.SLO_STATUS, Json.mapper().valueToTree(slo));
        }
        List<KpiSnapshot> snapshots = new ArrayList<>();
        for (Path file : files.snapshots()) {
            snapshots.add(Json.readFile(file, KpiSnapshot.class, NOFOLLOW_LINKS));
        }
        snapshots.sort(Comparator.comparingInt(KpiSnapshot::sequence));
        ReleaseFile release = null;
        Optional<Path> releaseFile = files.get("release");
        if (releaseFile.isPresent()) {
            release = Json.readFile(releaseFile.get(), ReleaseFile.class, NOFOLLOW_LINKS);
            documents.put("release", Json.mapper().valueToTree(release));
        }
        return new Inputs(files, summary, snapshots, ws, release, documents, validation, drift, slo);
    }
}
