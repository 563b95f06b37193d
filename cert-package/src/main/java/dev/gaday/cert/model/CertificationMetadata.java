package dev.gaday.cert.model;

import dev.gaday.common.model.FileKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code package/certification_metadata.json}; schema in docs/schema/certification-metadata.md.
 * The manifest lists every file of the package but itself and this file; this file holds the
 * manifest's SHA-256 and the same file list, so one chains to the other. With --certify-only the
 * file list is empty and manifestSha256 and packagePath are null. {@code dataGaps} names each gate input
 * whose evidence is partial (a KPI summary marked partial, an interrupted WebSocket run): such a run is
 * never CERTIFIED.
 */
public record CertificationMetadata(
        int schemaVersion,
        String kind,
        String toolVersion,
        String version,
        String releaseName,
        Instant gaStart,
        Instant gaEnd,
        Instant generatedAt,
        CertificationStatus certificationStatus,
        String certificationLabel,
        List<Gate> gates,
        List<String> dataGaps,
        List<String> consistencyWarnings,
        String template,
        int totalPlaceholders,
        List<UnfilledPlaceholder> unfilledPlaceholders,
        List<PackageFile> files,
        int totalFiles,
        long totalSizeBytes,
        String manifestSha256,
        String packagePath) {

    public CertificationMetadata {
        FileKind.CERTIFICATION_METADATA.check(schemaVersion, kind);
        Objects.requireNonNull(certificationStatus, "certificationStatus");
        gates = gates == null ? List.of() : List.copyOf(gates);
        dataGaps = dataGaps == null ? List.of() : List.copyOf(dataGaps);
        consistencyWarnings = consistencyWarnings == null ? List.of() : List.copyOf(consistencyWarnings);
        unfilledPlaceholders = unfilledPlaceholders == null ? List.of() : List.copyOf(unfilledPlaceholders);
        files = files == null ? List.of() : List.copyOf(files);
    }
}
