package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    @Test
    void writesHeaderAndFullPrecisionRows() throws IOException {
        CsvTable table = CsvTable.of(new String[] {"g", "lambda"},
                new double[] {0.5, 1.0, 1.5},
                new double[] {1.0 / 3, Double.NaN, 1e-20});
        Path file = dir.resolve("t.csv");
        table.write(file);

        assertThat(Files.readString(file)).isEqualTo("""
                g,lambda
                0.5,0.3333333333333333
                1.0,NaN
                1.5,1.0E-20
                """);
        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(table.headers()).containsExactly("g", "lambda");
    }

    @Test
    void mixesColumnTypesAndQuotesText() {
        String csv = CsvTable.builder()
                .column("n", new int[] {100, 200})
                .column("steps", new long[] {10_000_000_000L, 1})
                .column("label, quoted", new String[] {"say \"hi\"", null})
                .column("x", new double[] {Double.POSITIVE_INFINITY, -0.0})
                .build()
                .toCsv();
        assertThat(csv).isEqualTo(
                "n,steps,\"label, quoted\",x\n"
                + "100,10000000000,\"say \"\"hi\"\"\",Infinity\n"
                + "200,1,,-0.0\n");
        assertThat(CsvTable.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void rejectsRaggedColumns() {
        assertThatThrownBy(() -> CsvTable.of(new String[] {"a", "b"}, new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'b' has 3 rows but column 'a' has 2");
        assertThatThrownBy(() -> CsvTable.of(new String[] {"a"}, new double[2], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 headers for 2 columns");
        assertThatThrownBy(() -> CsvTable.builder().build()).isInstanceOf(IllegalArgumentException.class);
    }
}
