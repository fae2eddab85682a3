package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesContentAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("sub/dir/out.txt");
        AtomicFiles.write(file, out -> {
            out.write("hello ".getBytes(StandardCharsets.UTF_8));
            out.close(); // writers may close their stream
        });
        AtomicFiles.writeString(file, "replaced");

        assertThat(file).hasContent("replaced");
        assertThat(listing(file.getParent())).containsExactly("out.txt");
    }

    @Test
    void keepsThePreviousFileWhenTheWriterThrows() throws IOException {
        Path file = dir.resolve("keep.txt");
        AtomicFiles.writeString(file, "old content");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk on fire");
        })).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(1);
            throw new UncheckedIOException(new IOException("boom"));
        })).isInstanceOf(UncheckedIOException.class);

        assertThat(file).hasContent("old content");
        assertThat(listing(dir)).containsExactly("keep.txt");
    }

    @Test
    void failedFirstWriteLeavesNothing() {
        Path file = dir.resolve("never.bin");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            throw new IllegalStateException("no");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void writeViaHandsOutASiblingTemporaryPath() throws IOException {
        Path file = dir.resolve("via.txt");
        AtomicFiles.writeVia(file, tmp -> {
            assertThat(tmp.getParent()).isEqualTo(dir.toAbsolutePath());
            assertThat(tmp.getFileName().toString()).startsWith(".via.txt.tmp-");
            Files.writeString(tmp, "via");
        });
        assertThat(file).hasContent("via");
        assertThat(listing(dir)).containsExactly("via.txt");
    }

    private static List<String> listing(Path dir) {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
