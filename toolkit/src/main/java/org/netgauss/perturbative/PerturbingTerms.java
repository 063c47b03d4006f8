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
                throw new IllegalArgumentException("perturbing term " + label(g) + " has degree "
                        + g.degree() + ": only cubic and quartic invariants (I14..I52 and others of degree 3, 4) can"
                        + " be terms; I1..I13 are the Gaussian part");
            }
            if (!seen.add(g)) {
                throw new IllegalArgumentException("perturbing term " + label(g) + " is given twice");
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
     * Q_col = Σ_j (Σ_i M_ij²)², the column-scale term: large when the fan-out weights of some input units are larger
     * than others' (docs/spec/perturbative.md §2.2; "column j" is the fan-out of input unit j, §8 item 7).
     */
    public static InvariantGraph columnScale() {
        return InvariantGraph.parse("ij,ij,kj,kj");
    }

    /** Q_row = Σ_i (Σ_j M_ij²)², the row-scale term (docs/spec/perturbative.md §2.2). */
    public static InvariantGraph rowScale() {
        return InvariantGraph.parse("ij,ij,ik,ik");
    }

    /**
     * Σ_j (Σ_i M_ij²) C_j = Σ_ijk M_ij² M_kj, the cubic term coupling a column's scale to its mean
     * (docs/spec/perturbative.md §2.2).
     */
    public static InvariantGraph columnScaleMean() {
        return InvariantGraph.parse("ij,ij,kj");
    }

    /** The names accepted for the three terms outside I14..I52, in the order Qcol, Qrow, QCcol. */
    private static final List<String> ALIASES = List.of("Qcol", "Qrow", "QCcol");

    private static List<InvariantGraph> aliasGraphs() {
        return List.of(columnScale(), rowScale(), columnScaleMean());
    }

    /**
     * Terms from a list such as {@code "I22,I45"}, {@code "S2"}, {@code "S4"} or {@code "S2,Qcol"}: paper labels
     * I14..I52, the sets S2 and S4, and the column and row terms Qcol, Qrow and QCcol (see {@link #columnScale()},
     * {@link #rowScale()}, {@link #columnScaleMean()}), case-insensitive.
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
        List<String> names = new ArrayList<>();
        for (String part : trimmed.split(",", -1)) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.equals("S2") || p.equals("S4")) {
                PerturbingTerms set = p.equals("S2") ? s2() : s4();
                g.addAll(set.terms());
                names.add(p);
                continue;
            }
            int alias = aliasIndex(p);
            if (alias >= 0) {
                g.add(aliasGraphs().get(alias));
                names.add(ALIASES.get(alias));
                continue;
            }
            if (!p.matches("I\\d{1,3}")) {
                throw new IllegalArgumentException("bad term '" + part.trim() + "' in '" + spec
                        + "': use invariant labels I14..I52, S2, S4, Qcol, Qrow or QCcol, separated by commas");
            }
            int n = Integer.parseInt(p.substring(1));
            if (n < 14 || n > 52) {
                throw new IllegalArgumentException("bad term " + p + " in '" + spec
                        + "': terms are the cubic and quartic invariants I14..I52 (or Qcol, Qrow, QCcol)");
            }
            g.add(Invariants.paper(n));
            names.add(p);
        }
        return new PerturbingTerms(String.join(",", names), g);
    }

    private static int aliasIndex(String upper) {
        for (int k = 0; k < ALIASES.size(); k++) {
            if (ALIASES.get(k).toUpperCase(Locale.ROOT).equals(upper)) {
                return k;
            }
        }
        return -1;
    }

    /** The label of a term: "I22" for the paper's invariants, "Qcol", "Qrow", "QCcol", else the edge list. */
    public static String label(InvariantGraph g) {
        int alias = aliasGraphs().indexOf(g);
        return alias >= 0 ? ALIASES.get(alias) : Invariants.label(g);
    }

    /** Whether every term is one of the 39 invariants I14..I52 that committed results hold. */
    public boolean allTracked() {
        return Invariants.paperCubicQuartic().containsAll(terms);
    }

    /** Number of couplings |A|. */
    public int size() {
        return terms.size();
    }

    /** The paper labels of the terms ("I22", …). */
    public List<String> labels() {
        return terms.stream().map(PerturbingTerms::label).toList();
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
