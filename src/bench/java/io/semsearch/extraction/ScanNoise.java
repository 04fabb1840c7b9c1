package io.semsearch.extraction;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/** A clean scan made worse, reproducibly: rotated, with Gaussian and salt-and-pepper noise, in grey. */
final class ScanNoise {

    private ScanNoise() {
    }

    /**
     * @param degrees rotation about the centre, white around
     * @param sigma standard deviation of the Gaussian noise, in grey levels (0..255)
     * @param saltAndPepper share of pixels turned black or white
     */
    static byte[] degrade(byte[] png, double degrees, double sigma, double saltAndPepper, long seed) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(png));
            BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = out.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(degrees), out.getWidth() / 2.0, out.getHeight() / 2.0);
            g.drawImage(source, 0, 0, null);
            g.dispose();
            Random random = new Random(seed);
            var raster = out.getRaster();
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    double r = random.nextDouble();
                    int value;
                    if (r < saltAndPepper / 2) {
                        value = 0;
                    } else if (r < saltAndPepper) {
                        value = 255;
                    } else {
                        value = (int) Math.round(raster.getSample(x, y, 0) + random.nextGaussian() * sigma);
                    }
                    raster.setSample(x, y, 0, Math.max(0, Math.min(255, value)));
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
