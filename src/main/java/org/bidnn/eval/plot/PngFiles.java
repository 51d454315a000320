package org.bidnn.eval.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.bidnn.io.Storage;

/**
 * Writes an image as a PNG file through {@link Storage#write}, so that a failed or interrupted run
 * never leaves a truncated PNG that looks like a finished chart.
 */
final class PngFiles {

    private PngFiles() {
    }

    static void write(Storage storage, String png, BufferedImage image) throws IOException {
        storage.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this Java runtime has no PNG writer");
            }
        });
    }
}
