package org.countyscope.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsTest {

    private static final ReferenceData REF =
            ReferenceData.load(Path.of(System.getProperty(SampleCityGenerator.REFERENCE_DIR_PROPERTY, "data/reference")));

    @Test
    void sevenOrFewerArePingliangsUnitsInCodeOrder() {
        List<Region> regions = Regions.choose(REF, 7, 1);
        assertEquals(List.of("620802", "620821", "620822", "620823", "620825", "620826", "620881"),
                regions.stream().map(Region::code).toList());
        assertEquals(List.of("崆峒区", "泾川县", "灵台县", "崇信县", "庄浪县", "静宁县", "华亭市"), regions.stream().map(Region::name).toList());
        assertEquals(182_449, regions.get(6).population(), "华亭市 in the 2020 census");
        assertEquals(Theme.COAL_CITY, regions.get(6).theme());
        assertEquals(List.of("620802", "620821"), Regions.choose(REF, 2, 1).stream().map(Region::code).toList());
    }

    @Test
    void largerRunsStartWithGansu() {
        List<Region> regions = Regions.choose(REF, 90, 1);
        assertEquals(86, regions.stream().filter(r -> r.provinceCode().equals("620000")).count());
        assertEquals(4, regions.stream().filter(r -> r.provinceCode().equals("640000")).count());
        Region pingliang = regions.stream().filter(r -> r.code().equals("620881")).findFirst().orElseThrow();
        assertEquals("平凉市", pingliang.cityName());
        assertEquals(Theme.COAL_CITY, pingliang.theme());
    }

    @Test
    void shortNamesDropSuffixesAndEthnicGroups() {
        assertEquals("华亭", Regions.shortName("华亭市"));
        assertEquals("张家川", Regions.shortName("张家川回族自治县"));
        assertEquals("积石山", Regions.shortName("积石山保安族东乡族撒拉族自治县"));
        assertEquals("临夏", Regions.shortName("临夏回族自治州"));
        assertEquals("宁夏", Regions.shortName("宁夏回族自治区"));
        assertEquals("泾县", Regions.shortName("泾县"));
    }

    @Test
    void allocationKeepsTheTotalAndMinimum() {
        assertArrayEquals(new int[] {40, 25, 70, 30, 22, 28, 45}, Register.allocate(260, new double[] {40, 25, 70, 30, 22, 28, 45}, 1));
        assertArrayEquals(new int[] {1, 1, 1}, Register.allocate(3, new double[] {100, 0, 0}, 1));
        assertEquals(301, java.util.Arrays.stream(Register.allocate(301, new double[] {1, 2, 3, 4}, 0)).sum());
    }
}
