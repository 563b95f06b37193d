package dev.gaday.cert.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
    @Test
    void decodesToTheSamePixels() throws Exception {
        BufferedImage image = new BufferedImage(97, 41, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 97, 41);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x1f, 0x5f, 0xa8));
        g.drawLine(0, 40, 96, 0);
        g.setColor(new Color(0xc0, 0x30, 0x30));
        g.fillOval(10, 5, 30, 20);
        g.dispose();
        image.setRGB(0, 0, 0x000000);
        image.setRGB(1, 0, 0xffffff);
        image.setRGB(2, 0, 0x010203);

        byte[] png = PngEncoder.encode(image);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));

        assertEquals(97, decoded.getWidth());
        assertEquals(41, decoded.getHeight());
        assertArrayEquals(image.getRGB(0, 0, 97, 41, null, 0, 97), decoded.getRGB(0, 0, 97, 41, null, 0, 97));
        assertArrayEquals(png, PngEncoder.encode(image));
    }

    @Test
    void rejectsOtherImageTypes() {
        assertThrows(IllegalArgumentException.class,
                () -> PngEncoder.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB)));
    }
}
