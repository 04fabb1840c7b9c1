package io.semsearch.ingest;

import io.semsearch.extraction.DocumentFormat;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a synced folder that are indexed. A file is only ever read through its real path, and only when that
 * real path lies under the folder's real path and is a regular file: a symbolic link to {@code /etc/passwd}, a link
 * to a directory elsewhere, a named pipe or a device dropped in the folder is skipped (and logged), never read.
 */
final class FolderListing {

    private static final Logger LOG = Logger.getLogger(FolderListing.class);

    /** A file to index: where it is in the folder (its source) and the real path it is read from. */
    record FolderFile(Path path, Path real) {
    }

    private FolderListing() {
    }

    /** Regular files of a supported extension, neither hidden nor office lock files, inside the folder, in order. */
    static List<FolderFile> list(Path root) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            LOG.errorf("Cannot resolve folder %s: %s", root, e.getMessage());
            return List.of();
        }
        List<FolderFile> files = new ArrayList<>();
        // links are not followed while walking: a linked directory is one entry, refused below like any link outside
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(path -> !path.equals(root) && indexable(root, path)).forEach(path -> {
                FolderFile file = inside(realRoot, path);
                if (file != null) {
                    files.add(file);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.errorf(e, "Cannot list %s", root);
            return List.of();
        }
        files.sort(Comparator.comparing(FolderFile::path));
        return files;
    }

    private static boolean indexable(Path root, Path path) {
        String name = path.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("~$") && DocumentFormat.byFileName(name).isPresent()
                && !hiddenFolder(root, path) && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** The file with its real path, or null (logged) when that path leaves the folder or is not a regular file. */
    private static FolderFile inside(Path realRoot, Path path) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            LOG.warnf("Skipping %s: cannot resolve it (%s)", path, e.getMessage());
            return null;
        }
        if (!real.startsWith(realRoot)) {
            LOG.warnf("Skipping %s: it leads to %s, outside the folder %s", path, real, realRoot);
            return null;
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warnf("Skipping %s: not a regular file (a pipe, a device, a socket or a directory)", path);
            return null;
        }
        return new FolderFile(path, real);
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
