package dev.gaday.cert.build;

import dev.gaday.cert.model.CertificationMetadata;
import dev.gaday.cert.model.PackageFile;
import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.model.FileKind;
import java.util.List;

/** certification_metadata.json's content for a package, or for a --certify-only run. */
final class PackageMetadata {
    private PackageMetadata() {}

    static CertificationMetadata certifyOnly(Evidence evidence) {
        return of(evidence, "none (--certify-only)", 0, null, List.of(), null, null);
    }

    static CertificationMetadata of(
            Evidence evidence, FilledReport report, List<PackageFile> files, String manifestSha256) {
        return of(
                evidence,
                report.template().name(),
                report.template().placeholders().size(),
                report,
                files,
                manifestSha256,
                PackageLayout.ARCHIVE_NAME);
    }

    private static CertificationMetadata of(
            Evidence evidence,
            String templateName,
            int placeholders,
            FilledReport report,
            List<PackageFile> files,
            String manifestSha256,
            String packagePath) {
        long total = files.stream().mapToLong(PackageFile::sizeBytes).sum();
        var release = evidence.inputs().release();
        var decision = evidence.decision();
        return new CertificationMetadata(
                FileKind.CERTIFICATION_METADATA.schemaVersion(),
                FileKind.CERTIFICATION_METADATA.id(),
                BuildInfo.version(),
                release.version(),
                release.name(),
                evidence.gaStart(),
                evidence.gaEnd(),
                evidence.generatedAt(),
                decision.status(),
                decision.status().label(),
                decision.gates(),
                decision.dataGaps(),
                evidence.consistencyWarnings(),
                templateName,
                placeholders,
                report == null ? List.of() : report.unfilled(),
                files,
                files.size(),
                total,
                manifestSha256,
                packagePath);
    }
}
