package org.chaoslab.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A CSV table: one header row, then one row per index of equally long columns.
 *
 * <p>Doubles are written with {@link Double#toString(double)}, which round-trips exactly; NaN and
 * infinities appear as {@code NaN}, {@code Infinity} and {@code -Infinity}, which pandas and numpy
 * read back as such. Text is quoted as in RFC 4180 (fields containing a comma, quote, CR or LF are
 * enclosed in double quotes, inner quotes doubled). Rows end with {@code \n}; the encoding is UTF-8.
 *
 * <pre>{@code
 * CsvTable.of(new String[] {"g", "lyapunov"}, gains, exponents).write(dir.resolve("lyap.csv"));
 * }</pre>
 */
public final class CsvTable {

    private final List<Column> columns;
    private final int rows;

    private CsvTable(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a CSV table needs at least one column");
        }
        this.columns = List.copyOf(columns);
        this.rows = columns.getFirst().size();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column '" + c.header() + "' has " + c.size()
                        + " rows but column '" + columns.getFirst().header() + "' has " + rows);
            }
        }
    }

    /**
     * Creates a table of numeric columns.
     *
     * @param headers one name per column
     * @param columns the columns, all of the same length (not copied)
     * @return the table
     * @throws IllegalArgumentException if counts or lengths differ
     */
    public static CsvTable of(String[] headers, double[]... columns) {
        if (headers.length != columns.length) {
            throw new IllegalArgumentException(headers.length + " headers for " + columns.length + " columns");
        }
        Builder builder = builder();
        for (int i = 0; i < headers.length; i++) {
            builder.column(headers[i], columns[i]);
        }
        return builder.build();
    }

    /** {@return a builder for tables with mixed column types} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the column names, in order} */
    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** {@return the number of data rows (the header row not counted)} */
    public int rowCount() {
        return rows;
    }

    /**
     * Writes the table to a character stream (not closed).
     *
     * @param out destination
     * @throws IOException if writing fails
     */
    public void writeTo(Writer out) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (int c = 0; c < columns.size(); c++) {
            line.append(c == 0 ? "" : ",").append(quote(columns.get(c).header()));
        }
        out.append(line).append('\n');
        for (int r = 0; r < rows; r++) {
            line.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                line.append(c == 0 ? "" : ",").append(columns.get(c).cell().apply(r));
            }
            out.append(line).append('\n');
        }
    }

    /**
     * Writes the table to a file, atomically.
     *
     * @param file destination
     * @throws IOException if writing fails
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeTo(writer);
            writer.flush();
        });
    }

    /** {@return the complete CSV text} */
    public String toCsv() {
        StringWriter out = new StringWriter();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "CsvTable" + headers() + "[" + rows + " rows]";
    }

    /** RFC 4180 quoting: only where needed. */
    static String quote(String field) {
        if (field == null) {
            return "";
        }
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private record Column(String header, int size, IntFunction<String> cell) {
        Column {
            Objects.requireNonNull(header, "header");
        }
    }

    /** Collects columns of mixed types; rows are formed by index. Not thread-safe. */
    public static final class Builder {

        private final List<Column> columns = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a floating-point column.
         *
         * @param header column name
         * @param values the values (not copied)
         * @return this builder
         */
        public Builder column(String header, double[] values) {
            Objects.requireNonNull(values, "values");
            return add(new Column(header, values.length, i -> Double.toString(values[i])));
        }

        /**
         * Adds an integer column.
         *
         * @param header column name
         * @param values the values (not copied)
         * @return this builder
         */
        public Builder column(String header, int[] values) {
            Objects.requireNonNull(values, "values");
            return add(new Column(header, values.length, i -> Integer.toString(values[i])));
        }

        /**
         * Adds a long-integer column.
         *
         * @param header column name
         * @param values the values (not copied)
         * @return this builder
         */
        public Builder column(String header, long[] values) {
            Objects.requireNonNull(values, "values");
            return add(new Column(header, values.length, i -> Long.toString(values[i])));
        }

        /**
         * Adds a text column; {@code null} entries are written as empty fields.
         *
         * @param header column name
         * @param values the values (not copied)
         * @return this builder
         */
        public Builder column(String header, String[] values) {
            Objects.requireNonNull(values, "values");
            return add(new Column(header, values.length, i -> quote(values[i])));
        }

        /**
         * Builds the table.
         *
         * @return the table
         * @throws IllegalArgumentException if there are no columns or their lengths differ
         */
        public CsvTable build() {
            return new CsvTable(columns);
        }

        private Builder add(Column column) {
            columns.add(column);
            return this;
        }
    }
}
