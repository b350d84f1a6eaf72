package vn.cantho.ioc.store.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Writes a file of token secrets (the embedded default's demo tokens) that only its owner can read. */
public final class SecretFile {

    private SecretFile() {}

    /**
     * Writes {@code lines} to {@code file}, creating its directory: through a temporary file created with
     * mode 600 from the start (so the secrets are never readable by others) and moved into place at once.
     *
     * @param what names the content in the error, e.g. "the demo API tokens"
     */
    public static void write(Path file, List<String> lines, String what) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + " to " + file, e);
        }
    }
}
