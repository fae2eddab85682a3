package org.chaoslab.cli.rate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.chaoslab.cli.sweep.SpecException;
import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunction;
import org.chaoslab.model.TransferFunctions;

/**
 * A multi-population network description file (YAML, or JSON, which YAML reads): the keys of {@code dmft populations}'
 * options, every value remembered with its line so that an error points at it.
 *
 * <pre>{@code
 * # E/I network, rows = receiving population
 * fractions: [0.8, 0.2]
 * j-mean:   [[1.0, -3.0], [1.0, -2.5]]     # or "1,-3;1,-2.5"
 * g-matrix: [[0.7, 1.4], [0.7, 1.4]]
 * input:    [0.5, 0.2]                    # optional, default 0
 * phi:      [tanh, relu]                  # one for all or one per population, default tanh
 * k-matrix: [[160, 40], [100, 60]]        # optional: sparse, K_kl inputs per unit from each population (--k-matrix)
 * description: optional free text
 * }</pre>
 *
 * @param source    the file name (in messages)
 * @param fractions α_l
 * @param jMean     J̄_kl
 * @param gMatrix   g_kl
 * @param input     I_k (zeros when not given)
 * @param phi       φ_k, one per population
 * @param kMatrix   the fixed in-degrees K_kl of a sparse network, or null (all-to-all)
 * @param lines     line of each key, and of matrix rows as "j-mean.1", "g-matrix.2", … (1-based rows)
 */
public record PopulationNetworkFile(String source, double[] fractions, double[][] jMean, double[][] gMatrix, double[] input,
                                    List<String> phi, int[][] kMatrix, Map<String, Integer> lines) {

    /** The keys a description file may hold. */
    public static final List<String> KEYS = List.of("fractions", "j-mean", "g-matrix", "input", "phi", "k-matrix",
            "description");

    private static final Pattern INDEXED = Pattern.compile("^(fractions|j-mean|g-matrix|input|phi|in-degrees)(\\[(\\d+)(,(\\d+))?\\])?");

    /** A YAML value with the line it starts on. */
    private record Node(Object value, int line) {
    }

    /** Reads and parses {@code file}; errors are one line naming the file and, where it applies, the line. */
    public static PopulationNetworkFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--network " + file + " does not exist (a YAML or JSON network description)");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IllegalArgumentException("--network " + file + " is not readable");
        } catch (IOException e) {
            throw new IllegalArgumentException("--network " + file + " cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses a description; {@link SpecException} ({@code SOURCE:LINE: ...}) when it is malformed. */
    public static PopulationNetworkFile parse(String text, String source) {
        Node root;
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            if (p.nextToken() == null) {
                throw new SpecException(source, 0, "the network description is empty; it needs fractions, j-mean and g-matrix");
            }
            root = read(p, source);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SpecException(source, line, "not valid YAML or JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new SpecException(source, 0, "cannot be read: " + e.getMessage());
        }
        if (!(root.value() instanceof Map<?, ?> top)) {
            throw new SpecException(source, root.line(), "a network description is a mapping of keys (" + String.join(", ", KEYS) + ")");
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String key = (String) e.getKey();
            if (!KEYS.contains(key)) {
                throw new SpecException(source, ((Node) e.getValue()).line(), "unknown key '" + key + "' (a network description has "
                        + String.join(", ", KEYS) + ")");
            }
            lines.put(key, ((Node) e.getValue()).line());
        }
        Node fr = required(top, "fractions", source, root.line());
        double[] fractions = vector(fr, "fractions", source);
        int p = fractions.length;
        double[][] jm = matrix(required(top, "j-mean", source, root.line()), "j-mean", p, source, lines);
        double[][] gm = matrix(required(top, "g-matrix", source, root.line()), "g-matrix", p, source, lines);
        Node in = (Node) top.get("input");
        double[] input = in == null ? new double[p] : vector(in, "input", source);
        if (input.length != p) {
            throw new SpecException(source, in.line(), "input must give one value per population (" + p + ", as fractions; got "
                    + input.length + ")");
        }
        Node ph = (Node) top.get("phi");
        List<String> names = new ArrayList<>();
        if (ph == null) {
            names.add("tanh");
        } else if (ph.value() instanceof String s) {
            names.add(s);
        } else if (ph.value() instanceof List<?> list) {
            for (Object o : list) {
                if (!(((Node) o).value() instanceof String s)) {
                    throw new SpecException(source, ((Node) o).line(), "phi must list transfer-function names (see 'chaoslab list phi')");
                }
                names.add(s);
            }
        } else {
            throw new SpecException(source, ph.line(), "phi must be a transfer-function name or a list of them, one per population");
        }
        if (names.size() != 1 && names.size() != p) {
            throw new SpecException(source, ph.line(), "phi must name one transfer function or one per population (" + p + "; got "
                    + names.size() + ")");
        }
        List<String> phi = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            phi.add(names.get(names.size() == 1 ? 0 : k));
        }
        Node km = (Node) top.get("k-matrix");
        int[][] kMatrix = km == null ? null : inDegrees(matrix(km, "k-matrix", p, source, lines), km, source, lines);
        return new PopulationNetworkFile(source, fractions, jm, gm, input, List.copyOf(phi), kMatrix, Map.copyOf(lines));
    }

    /** K_kl as integers ≥ 1 (the line of the offending row in the message). */
    private static int[][] inDegrees(double[][] m, Node node, String source, Map<String, Integer> lines) {
        int[][] k = new int[m.length][];
        for (int a = 0; a < m.length; a++) {
            k[a] = new int[m[a].length];
            for (int l = 0; l < m[a].length; l++) {
                double v = m[a][l];
                if (!(v >= 1 && v == Math.rint(v) && v <= Integer.MAX_VALUE)) {
                    throw new SpecException(source, lines.getOrDefault("k-matrix." + (a + 1), node.line()), "k-matrix entries "
                            + "must be whole numbers >= 1 (in-degrees K_kl; got " + v + " in row " + (a + 1) + ", column "
                            + (l + 1) + ")");
                }
                k[a][l] = (int) v;
            }
        }
        return k;
    }

    /**
     * The network of N units, every g_kl multiplied by {@code gainScale}; a description the model refuses (fractions
     * not summing to 1, a negative gain, an unknown φ, …) is refused with the line of the key.
     */
    public PopulationNetwork network(int n, double gainScale) {
        try {
            List<TransferFunction> transfers = new ArrayList<>();
            for (String name : phi) {
                transfers.add(TransferFunctions.parse(name));
            }
            return new PopulationNetwork(n, fractions, jMean, gMatrix, input, transfers, kMatrix).withGainScale(gainScale);
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SpecException(source, lineOf(e.getMessage()), e.getMessage());
        }
    }

    /** The line of the key (or matrix row) a model message starts with, 0 when none. */
    int lineOf(String message) {
        Matcher m = INDEXED.matcher(message == null ? "" : message);
        if (!m.find()) {
            return 0;
        }
        String key = m.group(1).equals("in-degrees") ? "k-matrix" : m.group(1);
        if (m.group(5) != null) {
            Integer row = lines.get(key + "." + m.group(3));      // matrix messages name rows 1-based
            if (row != null) {
                return row;
            }
        }
        return lines.getOrDefault(key, 0);
    }

    private static Node required(Map<?, ?> top, String key, String source, int line) {
        Node n = (Node) top.get(key);
        if (n == null) {
            throw new SpecException(source, line, "'" + key + "' is missing (a network description needs fractions, j-mean and "
                    + "g-matrix)");
        }
        return n;
    }

    private static double[] vector(Node n, String key, String source) {
        if (n.value() instanceof Number x) {
            return new double[] {x.doubleValue()};
        }
        if (!(n.value() instanceof List<?> list) || list.isEmpty()) {
            throw new SpecException(source, n.line(), key + " must be a list of numbers, one per population");
        }
        double[] v = new double[list.size()];
        for (int i = 0; i < v.length; i++) {
            Node e = (Node) list.get(i);
            if (!(e.value() instanceof Number x)) {
                throw new SpecException(source, e.line(), key + " must be a list of numbers (entry " + (i + 1) + " is not a number)");
            }
            v[i] = x.doubleValue();
        }
        return v;
    }

    private static double[][] matrix(Node n, String key, int p, String source, Map<String, Integer> lines) {
        if (n.value() instanceof String text) {
            try {
                return DmftPopulationsCommand.matrix(key, text, p);
            } catch (IllegalArgumentException e) {
                throw new SpecException(source, n.line(), e.getMessage());
            }
        }
        if (!(n.value() instanceof List<?> rows)) {
            throw new SpecException(source, n.line(), key + " must be a list of rows (one list of numbers per population) or \"a,b;c,d\"");
        }
        if (rows.size() != p) {
            throw new SpecException(source, n.line(), key + " must have " + p + " rows (one per population, as fractions; got "
                    + rows.size() + ")");
        }
        double[][] m = new double[p][];
        for (int k = 0; k < p; k++) {
            Node row = (Node) rows.get(k);
            lines.put(key + "." + (k + 1), row.line());
            m[k] = vector(row, key + " row " + (k + 1), source);
            if (m[k].length != p) {
                throw new SpecException(source, row.line(), key + " row " + (k + 1) + " must have " + p + " values (got "
                        + m[k].length + ")");
            }
        }
        return m;
    }

    private static Node read(JsonParser p, String source) throws IOException {
        JsonToken t = p.currentToken();
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    Node value = read(p, source);
                    if (map.containsKey(key)) {
                        throw new SpecException(source, keyLine, "'" + key + "' is given twice (first on line " + map.get(key).line() + ")");
                    }
                    map.put(key, new Node(value.value(), keyLine));
                }
                return new Node(map, line);
            }
            case START_ARRAY -> {
                List<Node> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p, source));
                }
                return new Node(list, line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node(p.getDoubleValue(), line);
            }
            case VALUE_STRING -> {
                return new Node(p.getText(), line);
            }
            case VALUE_NULL -> {
                return new Node(null, line);
            }
            default -> throw new SpecException(source, line, "unexpected " + p.getText() + " (values are numbers, names and lists)");
        }
    }
}
