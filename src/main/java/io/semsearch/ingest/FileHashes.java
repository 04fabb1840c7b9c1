package io.semsearch.ingest;

import io.semsearch.common.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hashes of a folder's files, as this replica last saw them: a file whose size and modification time did not
 * change is not read again.
 */
final class FileHashes {

    private record Seen(long size, FileTime modified, String sha256) {
    }

    private final long maxFileBytes;
    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();

    FileHashes(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** The hash of the file's bytes (the last one seen while its size and time are the same); null when too large. */
    String sha256(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.size() > maxFileBytes) {
            return null;
        }
        Seen last = seen.get(file);
        if (last != null && last.size() == attributes.size() && last.modified().equals(attributes.lastModifiedTime())) {
            return last.sha256();
        }
        String sha256;
        try (InputStream in = Files.newInputStream(file)) {
            sha256 = Sha256.hex(in);
        }
        seen.put(file, new Seen(attributes.size(), attributes.lastModifiedTime(), sha256));
        return sha256;
    }

    /** Forgets the files that no longer exist. */
    void forgetDeleted() {
        seen.keySet().removeIf(path -> !Files.exists(path));
    }
}
