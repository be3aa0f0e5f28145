package org.countyscope.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Linked tables as the attacker sees them: every distinct figure once (a variable), and one additivity equation per
 * published total, {@code Σ cells − total = 0}, over all tables together.
 */
final class LinearSystem {

    /** One additivity equation: {@code Σ coefficients[k] · x[variables[k]] = 0}. */
    record Equation(int[] variables, double[] coefficients) {
    }

    private final List<Cell> figures = new ArrayList<>();
    private final List<Boolean> totals = new ArrayList<>();
    private final List<Boolean> signed = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Equation> equations = new ArrayList<>();
    private int[][] equationsOf;
    private double scale;

    private LinearSystem() {
    }

    static LinearSystem of(List<Table> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("no tables");
        }
        Set<String> names = new HashSet<>();
        LinearSystem system = new LinearSystem();
        for (Table t : tables) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("two tables named " + t.name());
            }
            system.add(t);
        }
        system.finish();
        return system;
    }

    private void add(Table table) {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        List<Integer> all = new ArrayList<>();
        for (Cell c : table.cells()) {
            int v = variable(table, c, false);
            rows.computeIfAbsent(c.row(), k -> new ArrayList<>()).add(v);
            columns.computeIfAbsent(c.column(), k -> new ArrayList<>()).add(v);
            all.add(v);
        }
        for (Cell t : table.rowTotals()) {
            equation(rows.get(t.row()), variable(table, t, true));
        }
        for (Cell t : table.columnTotals()) {
            equation(columns.get(t.column()), variable(table, t, true));
        }
        table.grandTotal().ifPresent(g -> equation(all, variable(table, g, true)));
    }

    private int variable(Table table, Cell cell, boolean total) {
        Integer known = index.get(cell.id());
        if (known == null) {
            index.put(cell.id(), figures.size());
            figures.add(cell);
            totals.add(total);
            signed.add(table.signed());
            return figures.size() - 1;
        }
        Cell first = figures.get(known);
        double tolerance = 1e-9 * Math.max(1, Math.abs(first.value()));
        if (Math.abs(first.value() - cell.value()) > tolerance || first.contributors() != cell.contributors()
            || Math.abs(first.largest() - cell.largest()) > tolerance) {
            throw new IllegalArgumentException("figure " + cell.id() + " differs between linked tables: " + first
                + " and, in table " + table.name() + ", " + cell);
        }
        totals.set(known, totals.get(known) || total);
        signed.set(known, signed.get(known) || table.signed());
        return known;
    }

    private void equation(List<Integer> parts, int total) {
        int[] variables = new int[parts.size() + 1];
        double[] coefficients = new double[parts.size() + 1];
        for (int k = 0; k < parts.size(); k++) {
            variables[k] = parts.get(k);
            coefficients[k] = 1;
        }
        variables[parts.size()] = total;
        coefficients[parts.size()] = -1;
        equations.add(new Equation(variables, coefficients));
    }

    private void finish() {
        int[] counts = new int[figures.size()];
        for (Equation e : equations) {
            for (int v : e.variables()) {
                counts[v]++;
            }
        }
        equationsOf = new int[figures.size()][];
        for (int v = 0; v < counts.length; v++) {
            equationsOf[v] = new int[counts[v]];
        }
        Arrays.fill(counts, 0);
        for (int e = 0; e < equations.size(); e++) {
            for (int v : equations.get(e).variables()) {
                equationsOf[v][counts[v]++] = e;
            }
        }
        scale = 0;
        for (Cell c : figures) {
            scale = Math.max(scale, Math.abs(c.value()));
        }
        if (scale == 0) {
            scale = 1;
        }
    }

    int size() {
        return figures.size();
    }

    Cell figure(int v) {
        return figures.get(v);
    }

    double value(int v) {
        return figures.get(v).value();
    }

    boolean total(int v) {
        return totals.get(v);
    }

    boolean signed(int v) {
        return signed.get(v);
    }

    /** How far the value can fall before it would be negative; infinite for signed figures. */
    double room(int v) {
        return signed(v) ? Double.POSITIVE_INFINITY : value(v);
    }

    /** The index of the figure with this id, or -1. */
    int indexOf(String id) {
        return index.getOrDefault(id, -1);
    }

    List<Equation> equations() {
        return equations;
    }

    int[] equationsOf(int v) {
        return equationsOf[v];
    }

    /** The largest magnitude of any figure: the unit in which tolerances are stated. */
    double scale() {
        return scale;
    }

    /**
     * The connected groups of {@code members} when two members are joined by sharing an equation; each group lists its
     * members in increasing order, groups in order of their first member.
     */
    List<int[]> components(BitSet members) {
        int[] parent = new int[figures.size()];
        Arrays.setAll(parent, i -> i);
        for (Equation e : equations) {
            int first = -1;
            for (int v : e.variables()) {
                if (!members.get(v)) {
                    continue;
                }
                if (first < 0) {
                    first = v;
                } else {
                    parent[find(parent, v)] = find(parent, first);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int v = members.nextSetBit(0); v >= 0; v = members.nextSetBit(v + 1)) {
            groups.computeIfAbsent(find(parent, v), k -> new ArrayList<>()).add(v);
        }
        List<int[]> result = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            result.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        return result;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    /** The equations that involve at least one of {@code variables}, in increasing order. */
    int[] equationsTouching(int[] variables) {
        BitSet touched = new BitSet(equations.size());
        for (int v : variables) {
            for (int e : equationsOf[v]) {
                touched.set(e);
            }
        }
        return touched.stream().toArray();
    }
}
