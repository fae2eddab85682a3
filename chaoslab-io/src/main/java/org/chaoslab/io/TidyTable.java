package org.chaoslab.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * A tidy table (one row per observation, one typed column per variable, missing values allowed), written as CSV and
 * as Parquet — the form pandas, polars, DuckDB and Spark read directly.
 *
 * <p>Column types follow the values: all integers → int64, any floating value → double (integers widened), booleans
 * → boolean, anything else → string (UTF-8). A column's type is that of its non-missing values; mixing numbers with
 * text gives a string column. In CSV a missing value is an empty field, doubles are written with
 * {@link Double#toString(double)} (exact round trip; NaN and ±Infinity as {@code NaN}, {@code Infinity}), text quoted
 * as in RFC 4180. In Parquet every column is optional (missing = null), pages uncompressed. Both files are written
 * atomically ({@link AtomicFiles}).
 *
 * <pre>{@code
 * TidyTable t = new TidyTable(List.of("g", "meanSquare"));
 * t.add(Map.of("g", 1.5, "meanSquare", 0.42));
 * t.writeCsv(dir.resolve("results.csv"));
 * t.writeParquet(dir.resolve("results.parquet"));
 * }</pre>
 */
public final class TidyTable {

    /** The type of a column. */
    public enum ColumnType { INT64, DOUBLE, BOOLEAN, STRING }

    private final List<String> columns;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    /**
     * A table with these columns first, in this order; columns that rows add beyond them follow in the order they
     * first appear.
     */
    public TidyTable(List<String> columns) {
        this.columns = new ArrayList<>(columns);
    }

    /** Adds a row (values Long/Integer, Double/Float, Boolean, String or null; absent keys are missing values). */
    public void add(Map<String, ?> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        for (String k : copy.keySet()) {
            if (!columns.contains(k)) {
                columns.add(k);
            }
        }
        rows.add(copy);
    }

    /** The column names, in order. */
    public List<String> columns() {
        return List.copyOf(columns);
    }

    /** The rows, as added. */
    public List<Map<String, Object>> rows() {
        return List.copyOf(rows);
    }

    /** The type of a column, from its values ({@link ColumnType#DOUBLE} for a column with no value). */
    public ColumnType type(String column) {
        boolean anyInt = false, anyDouble = false, anyBool = false, anyOther = false;
        for (Map<String, Object> r : rows) {
            Object v = r.get(column);
            if (v == null) {
                continue;
            }
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                anyInt = true;
            } else if (v instanceof Double || v instanceof Float) {
                anyDouble = true;
            } else if (v instanceof Boolean) {
                anyBool = true;
            } else {
                anyOther = true;
            }
        }
        if (anyOther || (anyBool && (anyInt || anyDouble))) {
            return ColumnType.STRING;
        }
        if (anyBool) {
            return ColumnType.BOOLEAN;
        }
        if (anyInt && !anyDouble) {
            return ColumnType.INT64;
        }
        return ColumnType.DOUBLE;
    }

    /** Writes the table as CSV (header row, then one line per row). */
    public void writeCsv(Path target) throws IOException {
        List<ColumnType> types = columns.stream().map(this::type).toList();
        AtomicFiles.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (int c = 0; c < columns.size(); c++) {
                w.write((c > 0 ? "," : "") + quote(columns.get(c)));
            }
            w.write('\n');
            for (Map<String, Object> r : rows) {
                for (int c = 0; c < columns.size(); c++) {
                    Object v = r.get(columns.get(c));
                    w.write((c > 0 ? "," : "") + (v == null ? "" : text(v, types.get(c))));
                }
                w.write('\n');
            }
            w.flush();
        });
    }

    /** Writes the table as one Parquet file (one row group). */
    public void writeParquet(Path target) throws IOException {
        List<ColumnType> types = columns.stream().map(this::type).toList();
        Types.MessageTypeBuilder schemaBuilder = Types.buildMessage();
        for (int c = 0; c < columns.size(); c++) {
            switch (types.get(c)) {
                case INT64 -> schemaBuilder.optional(PrimitiveTypeName.INT64).named(columns.get(c));
                case DOUBLE -> schemaBuilder.optional(PrimitiveTypeName.DOUBLE).named(columns.get(c));
                case BOOLEAN -> schemaBuilder.optional(PrimitiveTypeName.BOOLEAN).named(columns.get(c));
                case STRING -> schemaBuilder.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(columns.get(c));
            }
        }
        MessageType schema = schemaBuilder.named("row");
        AtomicFiles.writeVia(target, tmp -> {
            Files.deleteIfExists(tmp);
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(tmp))
                    .withConf(new PlainParquetConfiguration()).withType(schema)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).build()) {
                for (Map<String, Object> r : rows) {
                    Group g = groups.newGroup();
                    for (int c = 0; c < columns.size(); c++) {
                        Object v = r.get(columns.get(c));
                        if (v == null) {
                            continue;
                        }
                        String name = columns.get(c);
                        switch (types.get(c)) {
                            case INT64 -> g.add(name, ((Number) v).longValue());
                            case DOUBLE -> g.add(name, ((Number) v).doubleValue());
                            case BOOLEAN -> g.add(name, (Boolean) v);
                            case STRING -> g.add(name, String.valueOf(v));
                        }
                    }
                    writer.write(g);
                }
            }
        });
    }

    private static String text(Object v, ColumnType type) {
        return switch (type) {
            case DOUBLE -> Double.toString(((Number) v).doubleValue());
            case INT64 -> Long.toString(((Number) v).longValue());
            case BOOLEAN -> v.toString();
            case STRING -> quote(String.valueOf(v));
        };
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
