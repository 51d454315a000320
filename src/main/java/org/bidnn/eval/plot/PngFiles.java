package org.bidnn.eval.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bidnn.io.AtomicFiles;

/**
 * Writes an image as a PNG file through {@link AtomicFiles}, so that a failed or interrupted run
 * never leaves a truncated PNG that looks like a finished chart.
 */
final class PngFiles {

    private PngFiles() {
    }

    static void write(Path png, BufferedImage image) throws IOException {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this Java runtime has no PNG writer");
            }
        });
    }
}
