package org.countyscope.io.source;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/** Header rules shared by all layouts: no empty column name, no name twice. */
final class Headers {

    private Headers() {
    }

    /** Checks trimmed names; {@code columnLabel} turns a 0-based index into the column as the clerk sees it. */
    static List<String> check(List<String> names, IntFunction<String> columnLabel) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                throw new SourceException("表头" + columnLabel.apply(i) + "为空");
            }
            if (!seen.add(name)) {
                throw new SourceException("表头列名重复：" + name);
            }
        }
        return List.copyOf(names);
    }

    static String ordinal(int index) {
        return "第" + (index + 1) + "列";
    }
}
