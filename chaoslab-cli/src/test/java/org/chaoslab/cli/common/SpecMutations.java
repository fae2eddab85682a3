package org.chaoslab.cli.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutated YAML for the bad-input properties of spec and description files: a valid text with one fragment inserted at
 * a random position (YAML punctuation, anchors, block scalars, or the caller's key-specific fragments) and up to three
 * characters cut at another.
 */
public final class SpecMutations {

    private static final List<String> YAML = List.of(":", "{", "}", "[", "]", "-", " ", "\n", "\t", "'", "\"", "#", "&a",
            "*a", "!!int ", "? ", "1e400", "null", "~", "|\n", "---\n");

    private SpecMutations() {
    }

    /** Mutations of {@code valid} with the YAML fragments and {@code extra}. */
    public static Arbitrary<String> of(String valid, String... extra) {
        List<String> fragments = new ArrayList<>(YAML);
        fragments.addAll(Arrays.asList(extra));
        Arbitrary<Integer> position = Arbitraries.integers().between(0, valid.length());
        Arbitrary<String> insert = Arbitraries.of(fragments);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 3);
        return Combinators.combine(position, insert, position, cut).as((p, ins, q, c) -> {
            String s = valid.substring(0, p) + ins + valid.substring(p);
            int from = Math.min(q, s.length());
            return s.substring(0, from) + s.substring(Math.min(s.length(), from + c));
        });
    }
}
