package dev.gaday.cert.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an RGB image as a PNG: 8-bit truecolour, the "Sub" filter on every row, one zlib
 * stream. ImageIO's writer tries five filters per row in Java code, which a cold JVM runs
 * interpreted: for three charts that cost more than drawing them. Same pixels, same bytes for
 * the same image.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngEncoder() {
    }

    /** @param image a {@link BufferedImage#TYPE_INT_RGB} image */
    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected an INT_RGB image, got type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int stride = width * 3 + 1;
        byte[] raw = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            raw[row] = 1; // Sub: each byte minus the same channel of the pixel to its left
            int previous = 0;
            for (int x = 0; x < width; x++) {
                int rgb = pixels[y * width + x];
                int at = row + 1 + x * 3;
                raw[at] = (byte) ((rgb >> 16) - (previous >> 16));
                raw[at + 1] = (byte) ((rgb >> 8) - (previous >> 8));
                raw[at + 2] = (byte) (rgb - previous);
                previous = rgb;
            }
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        byte[] compressed;
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream zlib = new ByteArrayOutputStream(raw.length / 8 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                zlib.write(buffer, 0, deflater.deflate(buffer));
            }
            compressed = zlib.toByteArray();
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length + 64);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour RGB; compression, filter method and interlace stay 0
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", compressed);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] check = new byte[4];
        putInt(check, 0, (int) crc.getValue());
        out.writeBytes(check);
    }

    private static void putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }
}
