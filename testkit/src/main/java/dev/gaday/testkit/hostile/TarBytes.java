package dev.gaday.testkit.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A tar stream written by hand (ustar headers), for archive-smuggling tests: it writes what a
 * careful library refuses to write (FIFOs, devices, links, entries after the end marker), and it
 * does not share code with the reader under test.
 */
public final class TarBytes {
    public static final int BLOCK = 512;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public TarBytes file(String name, byte[] content) {
        header(name, '0', content.length, "");
        out.writeBytes(content);
        pad(content.length);
        return this;
    }

    /** A regular file with the given mode bits (e.g. 04755, setuid). */
    public TarBytes file(String name, byte[] content, int mode) {
        out.writeBytes(headerBlock(name, '0', content.length, "", mode));
        out.writeBytes(content);
        pad(content.length);
        return this;
    }

    public TarBytes file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public TarBytes directory(String name) {
        return header(name.endsWith("/") ? name : name + "/", '5', 0, "");
    }

    public TarBytes symlink(String name, String target) {
        return header(name, '2', 0, target);
    }

    public TarBytes hardLink(String name, String target) {
        return header(name, '1', 0, target);
    }

    public TarBytes fifo(String name) {
        return header(name, '6', 0, "");
    }

    public TarBytes characterDevice(String name) {
        return header(name, '3', 0, "");
    }

    /** The two zero blocks that end an archive. */
    public TarBytes endOfArchive() {
        out.writeBytes(new byte[2 * BLOCK]);
        return this;
    }

    public TarBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** A ustar header block of the given type flag. */
    public TarBytes header(String name, char type, long size, String linkName) {
        out.writeBytes(headerBlock(name, type, size, linkName));
        return this;
    }

    public static byte[] headerBlock(String name, char type, long size, String linkName) {
        return headerBlock(name, type, size, linkName, type == '5' ? 0755 : 0644);
    }

    public static byte[] headerBlock(String name, char type, long size, String linkName, int mode) {
        byte[] block = new byte[BLOCK];
        put(block, 0, 100, name.getBytes(StandardCharsets.UTF_8));
        put(block, 100, 8, octal(mode, 7));
        put(block, 108, 8, octal(0, 7));
        put(block, 116, 8, octal(0, 7));
        put(block, 124, 12, octal(size, 11));
        put(block, 136, 12, octal(1_700_000_000L, 11));
        Arrays.fill(block, 148, 156, (byte) ' ');
        block[156] = (byte) type;
        put(block, 157, 100, linkName.getBytes(StandardCharsets.UTF_8));
        put(block, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(block, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        put(block, 329, 8, octal(0, 7));
        put(block, 337, 8, octal(0, 7));
        long sum = 0;
        for (byte b : block) {
            sum += b & 0xff;
        }
        put(block, 148, 8, (String.format("%06o", sum) + "\0 ").getBytes(StandardCharsets.US_ASCII));
        return block;
    }

    private void pad(long size) {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.writeBytes(new byte[BLOCK - rest]);
        }
    }

    private static byte[] octal(long value, int digits) {
        String text = Long.toOctalString(value);
        if (text.length() > digits) {
            throw new IllegalArgumentException(value + " does not fit " + digits + " octal digits");
        }
        return ("0".repeat(digits - text.length()) + text + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static void put(byte[] block, int offset, int length, byte[] value) {
        if (value.length > length) {
            throw new IllegalArgumentException("field of " + length + " bytes cannot hold " + value.length);
        }
        System.arraycopy(value, 0, block, offset, value.length);
    }
}
