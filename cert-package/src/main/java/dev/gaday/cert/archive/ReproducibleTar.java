package dev.gaday.cert.archive;

import dev.gaday.common.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a tar.gz that depends only on the files' names and contents: entries sorted by name,
 * one fixed mtime, uid/gid 0 with empty user and group names, modes 0644 for files and 0755 for
 * directories, and a gzip header with mtime 0, no file name and a fixed OS byte.
 */
public final class ReproducibleTar {
    private ReproducibleTar() {}

    /**
     * @param baseDir the directory the entry names are relative to
     * @param prefix the directory the entries go under inside the archive ("package/"), or ""
     * @param files the files to pack (relative to baseDir, '/' separated); their parent
     *     directories get entries too
     * @param mtimeEpochSeconds the one modification time of every entry
     */
    public static void write(Path target, Path baseDir, String prefix, List<String> files, long mtimeEpochSeconds) {
        TreeSet<String> entries = new TreeSet<>();
        if (!prefix.isEmpty()) {
            entries.add(prefix);
        }
        for (String relative : files) {
            String file = prefix + relative;
            entries.add(file);
            int slash = file.indexOf('/');
            while (slash > 0) {
                entries.add(file.substring(0, slash + 1));
                slash = file.indexOf('/', slash + 1);
            }
        }
        AtomicFiles.write(target, out -> writeTo(out, baseDir, prefix, entries, mtimeEpochSeconds));
    }

    private static void writeTo(OutputStream out, Path baseDir, String prefix, TreeSet<String> entries, long mtime)
            throws IOException {
        GzipParameters parameters = new GzipParameters();
        parameters.setModificationTime(0);
        parameters.setOperatingSystem(255);
        parameters.setCompressionLevel(9);
        parameters.setFilename(null);
        GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(nonClosing(out), parameters);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (String name : entries) {
                boolean directory = name.endsWith("/");
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setModTime(mtime * 1000L);
                entry.setIds(0, 0);
                entry.setNames("", "");
                if (directory) {
                    entry.setMode(040755);
                    tar.putArchiveEntry(entry);
                } else {
                    Path file = baseDir.resolve(name.substring(prefix.length()));
                    entry.setMode(0100644);
                    entry.setSize(Files.size(file));
                    tar.putArchiveEntry(entry);
                    Files.copy(file, tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
