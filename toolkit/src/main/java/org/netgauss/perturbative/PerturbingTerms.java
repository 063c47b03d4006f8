package org.netgauss.perturbative;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;

/**
 * The set A of cubic and quartic invariants O_a added to the PIGMM action as Σ_a g_a O_a
 * (docs/spec/perturbative.md §2.2). Never I1..I13: the fit of f absorbs them.
 *
 * @param name  how the set was asked for: "S2", "S4" or the comma-separated labels
 * @param terms the invariants, in the order of the couplings
 */
public record PerturbingTerms(String name, List<InvariantGraph> terms) {
    /** Checks the degrees (3 or 4) and that no term repeats. */
    public PerturbingTerms {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("no perturbing terms: give at least one cubic or quartic invariant");
        }
        Set<InvariantGraph> seen = new LinkedHashSet<>();
        for (InvariantGraph g : terms) {
            if (g.degree() < 3 || g.degree() > 4) {
                throw new IllegalArgumentException("perturbing term " + Invariants.label(g) + " has degree "
                        + g.degree() + ": only cubic and quartic invariants (I14..I52 and others of degree 3, 4) can"
                        + " be terms; I1..I13 are the Gaussian part");
            }
            if (!seen.add(g)) {
                throw new IllegalArgumentException("perturbing term " + Invariants.label(g) + " is given twice");
            }
        }
    }

    /** S2 = {I22, I45}: Σ M_ij³ and Σ M_ij⁴, one skewness and kurtosis for all entries. */
    public static PerturbingTerms s2() {
        return new PerturbingTerms("S2", List.of(Invariants.paper(22), Invariants.paper(45)));
    }

    /** S4 = {I14, I22, I29, I45}: the diagonal entries get their own skewness and kurtosis. */
    public static PerturbingTerms s4() {
        return new PerturbingTerms("S4", List.of(Invariants.paper(14), Invariants.paper(22), Invariants.paper(29),
                Invariants.paper(45)));
    }

    /**
     * Terms from a list such as {@code "I22,I45"}, {@code "S2"} or {@code "S4"}: paper labels I14..I52 or the aliases.
     */
    public static PerturbingTerms parse(String spec) {
        String trimmed = spec == null ? "" : spec.trim();
        if (trimmed.equalsIgnoreCase("S2")) {
            return s2();
        }
        if (trimmed.equalsIgnoreCase("S4")) {
            return s4();
        }
        List<InvariantGraph> g = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (!p.matches("I\\d{1,3}")) {
                throw new IllegalArgumentException("bad term '" + part.trim() + "' in '" + spec
                        + "': use invariant labels I14..I52 separated by commas, or S2 / S4");
            }
            int n = Integer.parseInt(p.substring(1));
            if (n < 14 || n > 52) {
                throw new IllegalArgumentException("bad term " + p + " in '" + spec
                        + "': terms are the cubic and quartic invariants I14..I52");
            }
            g.add(Invariants.paper(n));
            labels.add(p);
        }
        return new PerturbingTerms(String.join(",", labels), g);
    }

    /** Number of couplings |A|. */
    public int size() {
        return terms.size();
    }

    /** The paper labels of the terms ("I22", …). */
    public List<String> labels() {
        return terms.stream().map(Invariants::label).toList();
    }

    /** Whether a graph is one of the terms. */
    public boolean contains(InvariantGraph g) {
        return terms.contains(g);
    }

    @Override
    public String toString() {
        return name + " " + labels();
    }
}
