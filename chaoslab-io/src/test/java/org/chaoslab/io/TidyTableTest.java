package org.chaoslab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TidyTableTest {

    @TempDir
    Path dir;

    /** A reader of the example object model on a local file (no Hadoop, as the writer). */
    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(InputFile file) {
            super(file, new PlainParquetConfiguration());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }

    private static TidyTable sample() {
        TidyTable t = new TidyTable(List.of("id", "g"));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", "p0000-r00");
        a.put("g", 1.5);
        a.put("steps", 400L);
        a.put("ok", true);
        a.put("meanSquare", 0.1 + 0.2);
        t.add(a);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", "p0001-r00, \"quoted\"");
        b.put("g", 2L);                 // an integer among doubles: the column stays double
        b.put("steps", 3L);
        b.put("ok", false);
        b.put("meanSquare", Double.NaN);
        b.put("message", "diverged at step 12");
        t.add(b);
        return t;
    }

    @Test
    void typesFollowTheValues() {
        TidyTable t = sample();
        assertThat(t.columns()).containsExactly("id", "g", "steps", "ok", "meanSquare", "message");
        assertThat(t.type("g")).isEqualTo(TidyTable.ColumnType.DOUBLE);
        assertThat(t.type("steps")).isEqualTo(TidyTable.ColumnType.INT64);
        assertThat(t.type("ok")).isEqualTo(TidyTable.ColumnType.BOOLEAN);
        assertThat(t.type("message")).isEqualTo(TidyTable.ColumnType.STRING);
    }

    @Test
    void csvRoundTripsDoublesAndQuotesText() throws Exception {
        Path csv = dir.resolve("t.csv");
        sample().writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).containsExactly(
                "id,g,steps,ok,meanSquare,message",
                "p0000-r00,1.5,400,true,0.30000000000000004,",
                "\"p0001-r00, \"\"quoted\"\"\",2.0,3,false,NaN,diverged at step 12");
    }

    @Test
    void parquetHoldsTheSameValuesWithTheirTypes() throws Exception {
        Path pq = dir.resolve("t.parquet");
        sample().writeParquet(pq);
        List<Group> read = new ArrayList<>();
        try (ParquetReader<Group> r = new GroupReader(new LocalInputFile(pq)).build()) {
            for (Group g = r.read(); g != null; g = r.read()) {
                read.add(g);
            }
        }
        assertThat(read).hasSize(2);
        var schema = read.getFirst().getType();
        assertThat(schema.getType("steps").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(schema.getType("g").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.DOUBLE);
        assertThat(read.get(0).getString("id", 0)).isEqualTo("p0000-r00");
        assertThat(read.get(0).getDouble("meanSquare", 0)).isEqualTo(0.1 + 0.2);
        assertThat(read.get(0).getLong("steps", 0)).isEqualTo(400L);
        assertThat(read.get(0).getBoolean("ok", 0)).isTrue();
        assertThat(read.get(0).getFieldRepetitionCount("message")).isZero();      // missing = null
        assertThat(read.get(1).getDouble("g", 0)).isEqualTo(2.0);
        assertThat(read.get(1).getDouble("meanSquare", 0)).isNaN();
        assertThat(read.get(1).getString("message", 0)).isEqualTo("diverged at step 12");
        assertThat(dir.toFile().list()).containsExactly("t.parquet");               // no temporary left
    }
}
