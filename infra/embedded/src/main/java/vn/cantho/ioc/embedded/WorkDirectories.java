package vn.cantho.ioc.embedded;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removal of the temporary work directories that test fixtures and benchmarks give embedded servers:
 * a Kafka log and a PostgreSQL cluster are hundreds of MiB, and /tmp is shared.
 */
public final class WorkDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(WorkDirectories.class);

    private WorkDirectories() {
    }

    /** Deletes {@code dir} and everything under it; a failure is logged, not thrown (it is only clean-up). */
    public static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete the work directory {}", dir, e);
        }
    }
}
