package dev.gaday.cert.archive;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Every gzip member of a file, decompressed one after the other, as {@code gzip -d} reads them; bytes
 * after the last member that do not start another member are refused with {@link TrailingDataException}
 * (gzip ignores them with a warning, so a verifier that read only what a library shows would miss
 * them). Each member is decoded on its own so that where it ends, and what follows, is known exactly.
 */
final class GzipMembers extends InputStream {
    private final Counting file;
    private GzipCompressorInputStream member;
    private int members;
    private boolean finished;

    GzipMembers(InputStream file) {
        this.file = new Counting(new BufferedInputStream(file, 64 * 1024));
    }

    /** Bytes after the last gzip member (trailing data, or a member without a valid gzip header). */
    static final class TrailingDataException extends IOException {
        final long offset;

        TrailingDataException(long offset) {
            super("trailing data after the gzip stream at byte " + offset);
            this.offset = offset;
        }
    }

    /** How many members have been started so far. */
    int members() {
        return members;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!finished) {
            if (member == null && !nextMember()) {
                finished = true;
                break;
            }
            int read = member.read(buffer, offset, length);
            if (read >= 0) {
                return read;
            }
            member.close();
            member = null;
        }
        return -1;
    }

    private boolean nextMember() throws IOException {
        long start = file.position;
        file.mark(2);
        int first = file.read();
        int second = file.read();
        file.reset();
        if (first < 0) {
            if (members == 0) {
                throw new IOException("the file is empty");
            }
            return false;
        }
        if (first != 0x1f || second != 0x8b) {
            if (members == 0) {
                throw new IOException("not gzip data (no gzip header at byte 0)");
            }
            throw new TrailingDataException(start);
        }
        members++;
        // The member reads through a stream it cannot close; it rewinds what its inflater did not use,
        // so the next member (or trailing data) starts exactly where this one ends.
        member = new GzipCompressorInputStream(
                new FilterInputStream(file) {
                    @Override
                    public void close() {}
                },
                false);
        return true;
    }

    @Override
    public void close() throws IOException {
        if (member != null) {
            member.close();
        }
        file.close();
    }

    /** Counts the bytes read, honouring mark/reset and skip. */
    static final class Counting extends FilterInputStream {
        long position;
        private long markPosition;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                position += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            position += skipped;
            return skipped;
        }

        @Override
        public synchronized void mark(int limit) {
            in.mark(limit);
            markPosition = position;
        }

        @Override
        public synchronized void reset() throws IOException {
            in.reset();
            position = markPosition;
        }
    }
}
