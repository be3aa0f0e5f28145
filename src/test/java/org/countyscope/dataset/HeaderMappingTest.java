package org.countyscope.dataset;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderMappingTest {

    @Test
    void chineseHeadingsWithUnitsMapToCanonicalColumns() {
        List<String> header = List.of("所属期", "区划代码", "县区", "行业代码", "行业名称", "税种", "入库税额（万元）");
        HeaderMapping m = HeaderMapping.detect(header, Datasets.ALL).orElseThrow();
        assertEquals("tax", m.spec().name());
        assertEquals(6, m.positions()[Datasets.TAX.columnNames().indexOf("amount")], "unit in brackets ignored");
    }

    @Test
    void theTaxFileMayCarryTaxpayersOrNot() {
        List<String> without = List.of("所属期", "区划代码", "县区", "行业代码", "行业名称", "税种", "入库税额（万元）");
        HeaderMapping a = HeaderMapping.detect(without, Datasets.ALL).orElseThrow();
        assertEquals("tax", a.spec().name());
        assertEquals(-1, a.positions()[Datasets.TAX.columnNames().indexOf("taxpayers")], "纳税户数 is optional");
        List<String> with = new java.util.ArrayList<>(without);
        with.add("纳税户数");
        HeaderMapping b = HeaderMapping.detect(with, Datasets.ALL).orElseThrow();
        assertEquals("tax", b.spec().name());
        assertEquals(7, b.positions()[Datasets.TAX.columnNames().indexOf("taxpayers")]);
    }

    @Test
    void twoRowHeadingsMatchByChildThenParent() {
        List<String> header = List.of("年度", "考核对象类型", "单位代码", "单位名称", "指标", "目标|计量单位", "目标|目标值");
        HeaderMapping m = HeaderMapping.detect(header, Datasets.ALL).orElseThrow();
        assertEquals("targets", m.spec().name());
        int[] pos = m.positions();
        assertEquals(5, pos[Datasets.TARGETS.columnNames().indexOf("unit")], "计量单位 is the unit");
        assertEquals(6, pos[Datasets.TARGETS.columnNames().indexOf("target")], "目标值 is the target");
    }

    @Test
    void unknownHeadingsAreKeptAsExtras() {
        List<String> header = List.of("region_code", "region_name", "parent_code", "period", "indicator", "unit", "value",
            "备注");
        HeaderMapping m = HeaderMapping.detect(header, Datasets.ALL).orElseThrow();
        assertEquals("indicators", m.spec().name());
        assertEquals(List.of("备注"), List.copyOf(m.extras().values()));
    }

    @Test
    void missingRequiredColumnIsNamed() {
        List<String> header = List.of("所属期", "区划代码", "行业代码", "税种");
        assertTrue(HeaderMapping.detect(header, Datasets.ALL).isEmpty(), "no amount column: no dataset fits");
        HeaderMapping closest = HeaderMapping.closest(header, Datasets.ALL);
        assertEquals("tax", closest.spec().name());
        assertEquals(List.of("入库税额"), closest.missing());
    }

    @Test
    void fullWidthAndBlanksDoNotMatter() {
        assertEquals(HeaderMapping.normalize("入库税额(万元)"), HeaderMapping.normalize(" 入库 税额（万元）"));
        assertArrayEquals(new int[] {0}, new int[] {HeaderMapping.map(List.of("ＰＥＲＩＯＤ"),
            Datasets.INDICATORS).positions()[3]});
    }
}
