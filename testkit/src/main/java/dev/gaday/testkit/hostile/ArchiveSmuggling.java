package dev.gaday.testkit.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The "archive smuggling" corpus: ways to make a tar.gz carry more than its reader sees. Each takes
 * the bytes of a good .tar.gz and returns a hostile variant; the content they add is built with
 * {@link TarBytes}. What {@code tar} and {@code gzip} make of each is what a verifier must see too:
 * <ul>
 *   <li>{@link #appendGzipMember}: a second gzip member (gzip decompresses every member, so tar sees
 *       the added entries after the first archive's end marker);
 *   <li>{@link #appendTrailingBytes}: bytes after the last gzip member ("trailing garbage");
 *   <li>{@link #appendAfterEndOfArchive}: entries after the tar end-of-archive blocks, same member;
 *   <li>{@link #insertBeforeEnd}: extra entries inside the archive (unlisted files, links, FIFOs).
 * </ul>
 */
public final class ArchiveSmuggling {
    private ArchiveSmuggling() {}

    /** One gzip member holding {@code data}. */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Every member decompressed, as gzip -d does (the JDK's reader follows concatenated members). */
    public static byte[] gunzip(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code tarGz} followed by a second gzip member holding {@code tar}. */
    public static byte[] appendGzipMember(byte[] tarGz, byte[] tar) {
        return concat(tarGz, gzip(tar));
    }

    /** {@code file} followed by raw bytes outside any gzip member. */
    public static byte[] appendTrailingBytes(byte[] file, byte[] trailing) {
        return concat(file, trailing);
    }

    /** The archive, decompressed, with {@code tar} appended after its end blocks and padding, recompressed. */
    public static byte[] appendAfterEndOfArchive(byte[] tarGz, byte[] tar) {
        return gzip(concat(gunzip(tarGz), tar));
    }

    /** The archive with {@code entries} (whole tar entries) inserted where its end-of-archive blocks begin. */
    public static byte[] insertBeforeEnd(byte[] tarGz, byte[] entries) {
        byte[] tar = gunzip(tarGz);
        int end = endOfArchive(tar);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tar, 0, end);
        out.writeBytes(entries);
        out.write(tar, end, tar.length - end);
        return gzip(out.toByteArray());
    }

    /** The offset of the first zero block that stands where a header should (the end marker). */
    public static int endOfArchive(byte[] tar) {
        int position = 0;
        while (position + TarBytes.BLOCK <= tar.length) {
            if (isZero(tar, position)) {
                return position;
            }
            String sizeField = new String(tar, position + 124, 12, StandardCharsets.US_ASCII)
                    .replace("\0", "")
                    .trim();
            long size = sizeField.isEmpty() ? 0 : Long.parseLong(sizeField, 8);
            position += TarBytes.BLOCK + (int) ((size + TarBytes.BLOCK - 1) / TarBytes.BLOCK * TarBytes.BLOCK);
        }
        throw new IllegalArgumentException("no end-of-archive block");
    }

    private static boolean isZero(byte[] tar, int offset) {
        for (int i = offset; i < offset + TarBytes.BLOCK; i++) {
            if (tar[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
