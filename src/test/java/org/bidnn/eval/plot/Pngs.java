package org.bidnn.eval.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Checks on the PNG files the charts write. */
final class Pngs {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Pngs() {
    }

    /** The image in {@code png}, after checking that the file is a PNG of the given size. */
    static BufferedImage read(Path png, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(SIGNATURE, Arrays.copyOf(bytes, SIGNATURE.length), "PNG signature of " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO decodes " + png);
        assertEquals(width, image.getWidth(), "width of " + png);
        assertEquals(height, image.getHeight(), "height of " + png);
        return image;
    }

    /** Pixels in columns {@code [fromX, toX)} within a small distance of {@code colour} (antialiased edges aside). */
    static int pixelsOf(BufferedImage image, Color colour, int fromX, int toX) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                Color c = new Color(image.getRGB(x, y));
                int distance = Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue());
                if (distance <= 12) {
                    count++;
                }
            }
        }
        return count;
    }

    static int pixelsOf(BufferedImage image, Color colour) {
        return pixelsOf(image, colour, 0, image.getWidth());
    }

    /** The names of the files in {@code dir}, sorted: temporary files of a write would show here. */
    static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
