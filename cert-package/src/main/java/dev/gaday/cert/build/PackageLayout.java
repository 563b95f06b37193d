package dev.gaday.cert.build;

/** The names of what a cert-package run writes into its output directory and into package/. */
public final class PackageLayout {
    public static final String ARCHIVE_NAME = "ga_certification_package.tar.gz";
    public static final String ARCHIVE_SHA256 = ARCHIVE_NAME + ".sha256";
    /** With --sign-key: the tarball's detached SSH signature (ssh-keygen -Y verify checks it). */
    public static final String ARCHIVE_SIG = ARCHIVE_NAME + ".sig";

    public static final String PACKAGE_DIR = "package";
    public static final String REPORT_MD = "GA_DAY_REPORT.md";
    public static final String REPORT_PDF = "GA_DAY_REPORT.pdf";
    public static final String METADATA = "certification_metadata.json";
    public static final String MANIFEST = "MANIFEST.sha256";
    public static final String EMAIL = "EMAIL_SUMMARY.txt";
    public static final String UNFILLED = "UNFILLED_PLACEHOLDERS.txt";

    private PackageLayout() {}
}
