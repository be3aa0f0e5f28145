package org.countyscope.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Chooses the sample's county-level units: 平凉's seven first, then real counties from GB/T 2260 in a fixed order. */
final class Regions {

    static final String PINGLIANG = "620800";

    /** 平凉's county-level units in code order with their themes. */
    private static final Map<String, Theme> PINGLIANG_UNITS = new LinkedHashMap<>();

    static {
        PINGLIANG_UNITS.put("620802", Theme.CITY_SEAT);
        PINGLIANG_UNITS.put("620821", Theme.CATTLE_BUILDING);
        PINGLIANG_UNITS.put("620822", Theme.CATTLE_HERBS);
        PINGLIANG_UNITS.put("620823", Theme.COAL_COUNTY);
        PINGLIANG_UNITS.put("620825", Theme.STARCH_APPLES);
        PINGLIANG_UNITS.put("620826", Theme.APPLES);
        PINGLIANG_UNITS.put("620881", Theme.COAL_CITY);
    }

    /** Provinces taken first for larger runs (甘肃, 宁夏, 青海, 新疆); the rest follow in code order. */
    private static final List<String> PROVINCE_ORDER = List.of("62", "64", "63", "65");

    private static final Theme[] RANDOM_THEMES = {
        Theme.COAL_CITY, Theme.COAL_COUNTY, Theme.CATTLE_BUILDING, Theme.CATTLE_HERBS, Theme.STARCH_APPLES,
        Theme.APPLES, Theme.NEW_ENERGY, Theme.CHEMICALS, Theme.EQUIPMENT, Theme.CITY_SEAT
    };
    private static final double[] RANDOM_THEME_WEIGHTS = {4, 9, 15, 12, 13, 14, 11, 8, 10, 4};

    private static final String[] ETHNIC = {
        "回族", "藏族", "裕固族", "哈萨克族", "蒙古族", "土族", "东乡族", "保安族", "撒拉族", "满族", "苗族", "彝族", "壮族",
        "瑶族", "侗族", "土家族", "布依族", "哈尼族", "傣族", "白族", "黎族", "羌族", "畲族", "仡佬族", "水族", "纳西族",
        "景颇族", "傈僳族", "拉祜族", "佤族", "独龙族", "怒族", "普米族", "锡伯族", "达斡尔族", "鄂温克族", "鄂伦春族",
        "朝鲜族", "塔吉克族", "柯尔克孜族", "维吾尔族", "毛南族", "仫佬族", "各族", "布朗族", "阿昌族", "德昂族", "基诺族",
        "门巴族", "珞巴族", "俄罗斯族", "赫哲族", "京族", "高山族", "乌孜别克族", "塔塔尔族"
    };
    private static final String[] SUFFIXES = {"特别行政区", "自治区", "自治县", "自治旗", "自治州", "特区", "林区", "地区", "县", "区", "市", "旗", "盟", "省"};

    private Regions() {
    }

    static List<Region> choose(ReferenceData ref, int count, long seed) {
        List<ReferenceData.County> picked = new ArrayList<>();
        if (count <= PINGLIANG_UNITS.size()) {
            Map<String, ReferenceData.County> byCode = new LinkedHashMap<>();
            for (ReferenceData.County c : ref.counties()) {
                byCode.put(c.code(), c);
            }
            for (String code : PINGLIANG_UNITS.keySet()) {
                if (picked.size() == count) {
                    break;
                }
                ReferenceData.County c = byCode.get(code);
                if (c == null) {
                    throw new IllegalStateException("GB/T 2260 file lacks 平凉 unit " + code);
                }
                picked.add(c);
            }
        } else {
            List<ReferenceData.County> eligible = new ArrayList<>();
            for (ReferenceData.County c : ref.counties()) {
                if (!c.code().endsWith("00") && !c.name().equals("市辖区")) {
                    eligible.add(c);
                }
            }
            eligible.sort(Comparator.comparingInt((ReferenceData.County c) -> provinceRank(c.code())).thenComparing(ReferenceData.County::code));
            if (count > eligible.size()) {
                throw new IllegalArgumentException("counties must be at most " + eligible.size() + ", got " + count);
            }
            picked.addAll(eligible.subList(0, count));
        }
        picked.sort(Comparator.comparing(ReferenceData.County::code));
        List<Region> regions = new ArrayList<>(picked.size());
        for (ReferenceData.County c : picked) {
            regions.add(build(ref, c, regions.size(), seed));
        }
        return List.copyOf(regions);
    }

    /** Distinct prefectures of the regions, in code order. */
    static List<String> cityCodes(List<Region> regions) {
        List<String> out = new ArrayList<>();
        for (Region r : regions) {
            if (!out.contains(r.cityCode())) {
                out.add(r.cityCode());
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static List<String> provinceCodes(List<Region> regions) {
        List<String> out = new ArrayList<>();
        for (Region r : regions) {
            if (!out.contains(r.provinceCode())) {
                out.add(r.provinceCode());
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static int provinceRank(String code) {
        int rank = PROVINCE_ORDER.indexOf(code.substring(0, 2));
        return rank >= 0 ? rank : PROVINCE_ORDER.size() + Integer.parseInt(code.substring(0, 2));
    }

    private static Region build(ReferenceData ref, ReferenceData.County c, int index, long seed) {
        String cityCode = c.code().substring(0, 4) + "00";
        String provinceCode = c.code().substring(0, 2) + "0000";
        String provinceName = ref.provinceName(provinceCode);
        if (provinceName == null) {
            throw new IllegalStateException("GB/T 2260 file lacks province " + provinceCode);
        }
        String cityName = ref.cityName(cityCode);
        String cityShort;
        if (cityName == null || cityName.contains("-")) {
            // Municipal districts and 省直辖 units have no ordinary prefecture name.
            cityName = cityName == null ? provinceName : cityName;
            cityShort = null;
        } else {
            cityShort = shortName(cityName);
        }
        SplittableRandom random = Seeds.random(seed, "region", Long.parseLong(c.code()));
        Long census = ref.censusPopulation(c.code());
        long population = census != null ? census : invent(random, c.name());
        Theme theme = PINGLIANG_UNITS.get(c.code());
        if (theme == null) {
            boolean seat = c.code().endsWith("02") && c.name().endsWith("区");
            theme = seat ? Theme.CITY_SEAT : RANDOM_THEMES[Seeds.pick(random, RANDOM_THEME_WEIGHTS)];
        }
        return new Region(index, c.code(), c.name(), shortName(c.name()), cityCode, cityName, cityShort,
                provinceCode, provinceName, population, theme);
    }

    private static long invent(SplittableRandom random, String name) {
        double wan;
        if (name.contains("自治")) {
            wan = Seeds.uniform(random, 5, 25);
        } else if (name.endsWith("区")) {
            wan = Seeds.uniform(random, 20, 80);
        } else if (name.endsWith("市")) {
            wan = Seeds.uniform(random, 20, 65);
        } else {
            wan = Seeds.uniform(random, 10, 50);
        }
        return Math.round(wan * 1e4);
    }

    /** The name people use in company and project names: 华亭市 → 华亭, 张家川回族自治县 → 张家川. */
    static String shortName(String name) {
        String s = name;
        for (String suffix : SUFFIXES) {
            if (s.endsWith(suffix) && s.length() > suffix.length()) {
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String ethnic : ETHNIC) {
                if (s.endsWith(ethnic) && s.length() > ethnic.length()) {
                    s = s.substring(0, s.length() - ethnic.length());
                    stripped = true;
                }
            }
        }
        return s.length() >= 2 ? s : name;
    }
}
