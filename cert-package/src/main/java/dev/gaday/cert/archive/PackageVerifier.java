package dev.gaday.cert.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.json.Json;
import dev.gaday.common.io.Sha256;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Checks a certification package while streaming it: nothing is extracted. Every entry must be a
 * plain file or directory with a safe relative name (no absolute path, no "..", no links, no
 * duplicates); every file must be listed in MANIFEST.sha256 with its hash (except the manifest
 * itself and certification_metadata.json, which must name the manifest's hash), and every file
 * the manifest lists must be in the archive.
 */
public final class PackageVerifier {
    public static final String MANIFEST = "MANIFEST.sha256";
    public static final String METADATA = "certification_metadata.json";
    private static final Pattern MANIFEST_LINE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");
    private static final long MAX_SMALL_FILE = 16L * 1024 * 1024;

    private PackageVerifier() {
    }

    /** The archive could not be read at all (not a tar.gz, truncated, missing). */
    public static final class UnreadableException extends Exception {
        public UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @param problem null when the package is intact; else the first problem found, one line */
    public record Result(boolean ok, String problem, int files, String certificationStatus) {
    }

    public static Result verify(Path archive) throws UnreadableException {
        Map<String, String> hashes = new TreeMap<>();
        Map<String, byte[]> small = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new GzipCompressorInputStream(new BufferedInputStream(file)), "UTF-8")) {
            TarArchiveEntry entry;
            java.util.Set<String> seen = new java.util.HashSet<>();
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                String unsafe = unsafeName(name);
                if (unsafe != null) {
                    return fail("entry '" + printable(name) + "': " + unsafe);
                }
                if (entry.isSymbolicLink() || entry.isLink()) {
                    return fail("entry '" + printable(name) + "' is a " + (entry.isSymbolicLink() ? "symbolic" : "hard")
                            + " link to '" + printable(entry.getLinkName()) + "'; a package holds only files");
                }
                String key = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
                if (!seen.add(key)) {
                    return fail("entry '" + printable(name) + "' appears twice");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (!entry.isFile()) {
                    return fail("entry '" + printable(name) + "' is not a regular file or directory");
                }
                MessageDigest digest = Sha256.newDigest();
                boolean keep = name.endsWith("/" + MANIFEST) || name.equals(MANIFEST) || name.endsWith("/" + METADATA)
                        || name.equals(METADATA);
                ByteArrayOutputStream copy = keep ? new ByteArrayOutputStream() : null;
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int read;
                while ((read = tar.read(buffer)) > 0) {
                    digest.update(buffer, 0, read);
                    total += read;
                    if (copy != null) {
                        if (total > MAX_SMALL_FILE) {
                            return fail("entry '" + printable(name) + "' is too large for a " + MANIFEST);
                        }
                        copy.write(buffer, 0, read);
                    }
                }
                hashes.put(name, HexFormat.of().formatHex(digest.digest()));
                if (copy != null) {
                    small.put(name, copy.toByteArray());
                }
            }
        } catch (NoSuchFileException e) {
            throw new UnreadableException(archive + ": no such file", e);
        } catch (IOException e) {
            throw new UnreadableException(archive + ": not a readable tar.gz: " + e.getMessage(), e);
        }
        return check(hashes, small);
    }

    private static Result check(Map<String, String> hashes, Map<String, byte[]> small) {
        String manifestName = null;
        for (String name : small.keySet()) {
            if (name.equals(MANIFEST) || name.endsWith("/" + MANIFEST)) {
                if (manifestName != null && manifestName.chars().filter(c -> c == '/').count()
                        <= name.chars().filter(c -> c == '/').count()) {
                    continue;
                }
                manifestName = name;
            }
        }
        if (manifestName == null) {
            return fail("no " + MANIFEST + " in the archive");
        }
        String root = manifestName.substring(0, manifestName.length() - MANIFEST.length());
        Map<String, String> listed = new TreeMap<>();
        String[] lines = new String(small.get(manifestName), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            Matcher matcher = MANIFEST_LINE.matcher(lines[i]);
            if (!matcher.matches()) {
                return fail(manifestName + ":" + (i + 1) + ": not a sha256sum line");
            }
            String path = matcher.group(2);
            String unsafe = unsafeName(path);
            if (unsafe != null) {
                return fail(manifestName + ":" + (i + 1) + ": '" + printable(path) + "': " + unsafe);
            }
            if (listed.put(root + path, matcher.group(1)) != null) {
                return fail(manifestName + ":" + (i + 1) + ": '" + printable(path) + "' listed twice");
            }
        }
        for (Map.Entry<String, String> file : listed.entrySet()) {
            String actual = hashes.get(file.getKey());
            if (actual == null) {
                return fail(file.getKey() + ": listed in " + MANIFEST + " but missing from the archive");
            }
            if (!actual.equals(file.getValue())) {
                return fail(file.getKey() + ": SHA-256 mismatch (manifest " + file.getValue().substring(0, 12)
                        + "…, content " + actual.substring(0, 12) + "…)");
            }
        }
        String metadataName = root + METADATA;
        String status = null;
        for (String name : hashes.keySet()) {
            if (name.equals(manifestName) || listed.containsKey(name)) {
                continue;
            }
            if (name.equals(metadataName)) {
                try {
                    JsonNode metadata = Json.mapper().readTree(small.get(name));
                    String recorded = metadata.path("manifestSha256").asText("");
                    if (!recorded.equals(hashes.get(manifestName))) {
                        return fail(name + ": manifestSha256 does not match " + manifestName);
                    }
                    status = metadata.path("certificationStatus").asText(null);
                } catch (IOException e) {
                    return fail(name + ": not valid JSON");
                }
                continue;
            }
            return fail(name + ": in the archive but not listed in " + MANIFEST);
        }
        return new Result(true, null, listed.size(), status);
    }

    /** Why an entry name is unsafe to extract, or null when it is fine. */
    static String unsafeName(String name) {
        if (name == null || name.isEmpty()) {
            return "empty name";
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            return "absolute path";
        }
        if (name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0) {
            return "name holds a NUL or backslash";
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return "path escapes the package with '..'";
            }
        }
        return null;
    }

    private static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }

    private static Result fail(String problem) {
        return new Result(false, problem, 0, null);
    }
}
