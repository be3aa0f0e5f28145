package org.countyscope.generate;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Invented but plausible, unique names for enterprises, projects and towns, built from syllable lists. */
final class Names {

    private static final String[] BRAND = {
        "华", "泰", "鑫", "瑞", "丰", "源", "宏", "盛", "德", "隆", "恒", "通", "金", "安", "达", "兴", "新", "博", "嘉", "益",
        "康", "润", "民", "泽", "福", "众", "汇", "鼎", "昌", "伟", "天", "宇", "景", "辉", "荣", "祥", "正", "晟", "弘", "远",
        "凯", "峰", "腾", "越", "信", "诚", "和", "聚", "美", "佳", "宝", "顺", "利", "捷", "豪", "海", "银", "锦", "江", "川",
        "明", "光", "辰", "泓", "睿", "骏", "尚", "合", "中", "旭", "坤", "元", "成", "陇", "崆", "泾", "汭", "柳", "湖", "岭"
    };
    private static final String[] TOWN = {
        "安", "口", "川", "坪", "河", "峡", "原", "塬", "堡", "寨", "泉", "沟", "山", "阳", "峪", "湾", "台", "店", "岘", "坡"
    };
    private static final String[] NUMERAL = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private static final Map<String, String[]> WORDS = new TreeMap<>();

    static {
        WORDS.put("0610", new String[] {"煤业", "矿业", "煤矿"});
        WORDS.put("4411", new String[] {"发电", "电力", "热电"});
        WORDS.put("4412", new String[] {"热电", "能源"});
        WORDS.put("4415", new String[] {"风电", "新能源"});
        WORDS.put("4416", new String[] {"光伏", "新能源", "光电"});
        WORDS.put("4419", new String[] {"储能", "电力"});
        WORDS.put("4420", new String[] {"供电", "电力"});
        WORDS.put("4430", new String[] {"热力", "供热"});
        WORDS.put("4610", new String[] {"水务", "供水"});
        WORDS.put("4620", new String[] {"环保", "水处理"});
        WORDS.put("2521", new String[] {"焦化"});
        WORDS.put("2522", new String[] {"煤化工"});
        WORDS.put("2524", new String[] {"洁净煤", "煤化工"});
        WORDS.put("2614", new String[] {"化工", "甲醇"});
        WORDS.put("2619", new String[] {"化工"});
        WORDS.put("2624", new String[] {"肥业", "化肥"});
        WORDS.put("2653", new String[] {"新材料"});
        WORDS.put("2659", new String[] {"新材料", "高分子材料"});
        WORDS.put("3011", new String[] {"水泥"});
        WORDS.put("3021", new String[] {"建材", "混凝土"});
        WORDS.put("3022", new String[] {"构件", "建材"});
        WORDS.put("3031", new String[] {"新型建材", "建材"});
        WORDS.put("3032", new String[] {"石材"});
        WORDS.put("3039", new String[] {"建材"});
        WORDS.put("3089", new String[] {"耐火材料"});
        WORDS.put("1312", new String[] {"面粉", "粮油"});
        WORDS.put("1329", new String[] {"饲料"});
        WORDS.put("1331", new String[] {"油脂", "粮油"});
        WORDS.put("1351", new String[] {"肉业", "牛业", "清真食品"});
        WORDS.put("1353", new String[] {"肉制品", "牛肉食品"});
        WORDS.put("1373", new String[] {"果业", "果品"});
        WORDS.put("1391", new String[] {"淀粉", "薯业"});
        WORDS.put("1411", new String[] {"食品"});
        WORDS.put("1431", new String[] {"面业", "食品"});
        WORDS.put("1441", new String[] {"乳业"});
        WORDS.put("1453", new String[] {"罐头食品"});
        WORDS.put("1469", new String[] {"调味品", "酿造"});
        WORDS.put("1512", new String[] {"酒业", "酒厂"});
        WORDS.put("1522", new String[] {"饮品", "矿泉水"});
        WORDS.put("1523", new String[] {"果汁", "饮品"});
        WORDS.put("2231", new String[] {"包装", "纸制品"});
        WORDS.put("2319", new String[] {"印务", "彩印"});
        WORDS.put("2730", new String[] {"中药材", "药业"});
        WORDS.put("2740", new String[] {"药业", "制药"});
        WORDS.put("3311", new String[] {"钢结构"});
        WORDS.put("3415", new String[] {"风电装备"});
        WORDS.put("3484", new String[] {"机械"});
        WORDS.put("3511", new String[] {"矿山机械", "矿机"});
        WORDS.put("3572", new String[] {"农机"});
        WORDS.put("3823", new String[] {"电气"});
        WORDS.put("3825", new String[] {"光伏科技"});
        WORDS.put("3831", new String[] {"电缆"});
        WORDS.put("3841", new String[] {"新能源科技", "电池"});
        WORDS.put("4210", new String[] {"再生资源"});
    }

    private final Set<String> used = new HashSet<>();

    /** A new enterprise name such as 华亭鑫泰煤业有限责任公司; never repeats within this instance. */
    String enterprise(SplittableRandom random, Region region, String code4) {
        String[] words = WORDS.getOrDefault(code4, WORDS.getOrDefault(code4.substring(0, 2), new String[] {"实业", "科技"}));
        String word = words[random.nextInt(words.length)];
        double r = random.nextDouble();
        String prefix;
        if (r < 0.65 || (r < 0.9 && region.cityShortName() == null)) {
            prefix = region.shortName();
        } else if (r < 0.9) {
            prefix = region.cityShortName();
        } else {
            prefix = Regions.shortName(region.provinceName());
        }
        double f = random.nextDouble();
        String form = f < 0.55 ? "有限责任公司" : f < 0.9 ? "有限公司" : "股份有限公司";
        for (int attempt = 0; ; attempt++) {
            StringBuilder brand = new StringBuilder();
            int syllables = attempt < 40 ? 2 : 3;
            for (int i = 0; i < syllables; i++) {
                brand.append(BRAND[random.nextInt(BRAND.length)]);
            }
            if (brand.charAt(0) == brand.charAt(1)) {
                continue;
            }
            String name = prefix + brand + word + form;
            if (used.add(name)) {
                return name;
            }
        }
    }

    /** Two syllables that read like a company's trade name. */
    String brand(SplittableRandom random) {
        int a = random.nextInt(BRAND.length);
        int b = random.nextInt(BRAND.length - 1);
        return BRAND[a] + BRAND[b >= a ? b + 1 : b];
    }

    /** An invented town such as 安口镇. */
    String town(SplittableRandom random) {
        return BRAND[random.nextInt(BRAND.length)] + TOWN[random.nextInt(TOWN.length)] + "镇";
    }

    /** Registers a project name, adding 二期, 三期… when it is already taken. */
    String unique(String base) {
        if (used.add(base + "项目")) {
            return base + "项目";
        }
        for (int phase = 2; ; phase++) {
            String phaseName = base + (phase <= 9 ? NUMERAL[phase - 1] : String.valueOf(phase)) + "期项目";
            if (used.add(phaseName)) {
                return phaseName;
            }
        }
    }

    static String numeral(int n) {
        return n >= 1 && n <= 9 ? NUMERAL[n - 1] : String.valueOf(n);
    }
}
