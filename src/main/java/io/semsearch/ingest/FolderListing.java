package io.semsearch.ingest;

import io.semsearch.extraction.DocumentFormat;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a synced folder that are indexed. */
final class FolderListing {

    private static final Logger LOG = Logger.getLogger(FolderListing.class);

    private FolderListing() {
    }

    /** Regular files of a supported extension, neither hidden nor office lock files, in path order. */
    static List<Path> list(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> {
                        String name = path.getFileName().toString();
                        return !name.startsWith(".") && !name.startsWith("~$")
                                && DocumentFormat.byFileName(name).isPresent()
                                && !hiddenFolder(root, path);
                    })
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.errorf(e, "Cannot list %s", root);
            return List.of();
        }
    }

    private static boolean hiddenFolder(Path root, Path file) {
        for (Path part : root.relativize(file.getParent() == null ? root : file.getParent())) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
