package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void containsOneNpyEntryPerArray(boolean compressed) throws IOException {
        Path file = dir.resolve("run.npz");
        Npz.builder()
                .add("t", new double[] {0, 0.5, 1})
                .add("x", new float[] {1, 2, 3, 4, 5, 6}, 3, 2)
                .add("spikes", new int[] {7, 8})
                .add("seed", new long[] {42})
                .compressed(compressed)
                .write(file);

        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            assertThat(entries).extracting(ZipEntry::getName)
                    .containsExactly("t.npy", "x.npy", "spikes.npy", "seed.npy");
            assertThat(entries).extracting(ZipEntry::getMethod)
                    .containsOnly(compressed ? ZipEntry.DEFLATED : ZipEntry.STORED);
        }
        Map<String, NpyDoubles> arrays = Npz.readDoubles(file);
        assertThat(arrays.get("t").data()).containsExactly(0, 0.5, 1);
        assertThat(arrays.get("x").shape()).containsExactly(3, 2);
        assertThat(arrays.get("x").get(2, 1)).isEqualTo(6.0);
        assertThat(arrays.get("spikes").data()).containsExactly(7, 8);
        assertThat(arrays.get("seed").data()).containsExactly(42);
    }

    @Test
    void sameContentGivesIdenticalBytes() throws IOException {
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        Npz.builder().add("v", new double[] {1, 2}).write(a);
        Npz.builder().add("v", new double[] {1, 2}).write(b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void rejectsDuplicateNamesAndShapeMismatch() {
        Npz.Builder builder = Npz.builder().add("v", new double[3]);
        assertThatThrownBy(() -> builder.add("v", new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate npz array name 'v'");
        assertThatThrownBy(() -> builder.add("w", new double[3], 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("array 'w': shape [2, 2] has 4 elements but the array has 3");
        assertThatThrownBy(() -> builder.add("a/b", new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
        builder.add("w", new double[3]); // the name is still free after the failed attempt
    }
}
