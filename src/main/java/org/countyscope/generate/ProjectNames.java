package org.countyscope.generate;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Phrases for project and contract names by industry, e.g. 崇信年产240万吨煤矿改扩建 or 静宁10万吨苹果深加工. */
final class ProjectNames {

    private static final Map<String, String[]> PHRASES = new TreeMap<>();

    static {
        PHRASES.put("0610", new String[] {"年产{120,180,240,300,400,500}万吨煤矿改扩建", "煤矿智能化改造", "选煤厂技术改造", "矿井安全提升改造"});
        PHRASES.put("4411", new String[] {"2×{350,660,1000}MW煤电", "火电机组灵活性改造", "火电机组节能降碳改造"});
        PHRASES.put("4412", new String[] {"2×{350,660}MW热电联产", "城区集中供热热源"});
        PHRASES.put("4415", new String[] {"{50,100,150,200,300}MW风电", "分散式风电"});
        PHRASES.put("4416", new String[] {"{20,50,100,200}MW光伏发电", "农光互补光伏", "分布式光伏"});
        PHRASES.put("4419", new String[] {"{100,200}MW/{200,400}MWh共享储能电站", "储能电站"});
        PHRASES.put("2614", new String[] {"年产{20,30,60}万吨甲醇下游产品", "精细化工产业园"});
        PHRASES.put("2521", new String[] {"年产{60,100}万吨焦化", "焦炉煤气综合利用"});
        PHRASES.put("2522", new String[] {"煤炭分质利用", "煤制合成气"});
        PHRASES.put("2523", new String[] {"煤制清洁燃料", "煤基新材料"});
        PHRASES.put("3825", new String[] {"光伏组件生产线", "光伏支架制造"});
        PHRASES.put("3841", new String[] {"锂电池储能设备制造", "储能电池生产线"});
        PHRASES.put("3415", new String[] {"风电装备制造基地", "风机塔筒制造"});
        PHRASES.put("3511", new String[] {"矿山机械装备制造", "煤机装备再制造"});
        PHRASES.put("3484", new String[] {"机械零部件加工", "精密铸件加工"});
        PHRASES.put("3572", new String[] {"农机装备制造", "果园机械生产线"});
        PHRASES.put("3823", new String[] {"智能配电设备制造", "高低压成套设备生产线"});
        PHRASES.put("3311", new String[] {"钢结构加工", "装配式钢结构生产线"});
        PHRASES.put("3831", new String[] {"电线电缆生产线"});
        PHRASES.put("1373", new String[] {"{5,10,20}万吨苹果深加工", "苹果冷链物流", "果品分拣包装中心"});
        PHRASES.put("1523", new String[] {"{5,10}万吨浓缩果汁生产线", "果汁饮料生产线"});
        PHRASES.put("1453", new String[] {"果蔬罐头生产线"});
        PHRASES.put("2231", new String[] {"纸箱包装生产线", "果品包装产业园"});
        PHRASES.put("0151", new String[] {"{1,2,3}万亩苹果标准化种植基地", "矮砧密植苹果示范园"});
        PHRASES.put("1351", new String[] {"{5,10,20}万头肉牛屠宰加工", "牛肉精深加工"});
        PHRASES.put("1353", new String[] {"牛肉制品精深加工", "清真食品加工"});
        PHRASES.put("0311", new String[] {"{1,2,5}万头肉牛养殖", "肉牛良种繁育基地"});
        PHRASES.put("1329", new String[] {"年产{10,20}万吨饲料", "全混合日粮饲料生产线"});
        PHRASES.put("7861", new String[] {"景区提升改造", "文旅综合体"});
        PHRASES.put("7869", new String[] {"乡村旅游示范点", "研学旅行基地"});
        PHRASES.put("6110", new String[] {"文旅酒店", "康养度假酒店"});
        PHRASES.put("8514", new String[] {"康养中心", "养老服务综合体"});
        PHRASES.put("3091", new String[] {"石墨碳素材料", "碳素制品生产线"});
        PHRASES.put("3061", new String[] {"玻璃纤维制品生产线"});
        PHRASES.put("3024", new String[] {"轻质建材生产线", "装配式建筑构件"});
        PHRASES.put("3089", new String[] {"耐火材料生产线"});
        PHRASES.put("2659", new String[] {"新型复合材料", "高分子材料生产线"});
        PHRASES.put("2653", new String[] {"可降解材料生产线"});
        PHRASES.put("3011", new String[] {"水泥熟料生产线技改"});
        PHRASES.put("3021", new String[] {"年产{30,60,100}万立方米商品混凝土"});
        PHRASES.put("3031", new String[] {"新型建材生产线", "装配式建筑构件"});
        PHRASES.put("1391", new String[] {"马铃薯淀粉及制品加工", "{2,5}万吨精淀粉生产线"});
        PHRASES.put("4420", new String[] {"110千伏输变电", "农网改造升级"});
        PHRASES.put("4610", new String[] {"城乡供水一体化", "水厂扩建"});
        PHRASES.put("4620", new String[] {"污水处理厂提标改造"});
        PHRASES.put("4430", new String[] {"城区供热管网改造"});
        PHRASES.put("48", new String[] {"{town}至{town}公路", "城区道路改造", "农村公路提质改造", "桥梁建设"});
        PHRASES.put("54", new String[] {"公交首末站建设", "汽车客运站改造"});
        PHRASES.put("76", new String[] {"水库除险加固", "河道综合治理", "灌区续建配套与节水改造"});
        PHRASES.put("77", new String[] {"流域水土保持综合治理", "生态修复"});
        PHRASES.put("78", new String[] {"老旧小区改造", "城市更新", "停车场建设", "污水管网改造"});
        PHRASES.put("70", new String[] {"{brand}{苑,府,园,花园,华庭,名都,家园}"});
        PHRASES.put("83", new String[] {"第{一,二,三,四,五}中学建设", "职业教育中心", "幼儿园建设", "寄宿制学校建设"});
        PHRASES.put("84", new String[] {"人民医院综合楼", "中医医院改扩建", "疾控中心建设"});
        PHRASES.put("85", new String[] {"养老服务中心", "儿童福利院建设"});
        PHRASES.put("89", new String[] {"全民健身中心", "体育场改造"});
        PHRASES.put("59", new String[] {"物流园区", "冷链仓储中心"});
        PHRASES.put("72", new String[] {"电商产业园", "商贸综合体"});
        PHRASES.put("61", new String[] {"文旅酒店", "民宿集群"});
        PHRASES.put("52", new String[] {"商业综合体", "农贸市场改造"});
    }

    private ProjectNames() {
    }

    /** A name without the trailing 项目: region, sometimes a company trade name, and the industry's phrase. */
    static String industrial(SplittableRandom random, Region region, String code, Names names) {
        String[] options = PHRASES.get(code);
        if (options == null) {
            options = PHRASES.getOrDefault(code.substring(0, 2), new String[] {"产业化", "生产线建设"});
        }
        String phrase = fill(options[random.nextInt(options.length)], random, names);
        boolean withBrand = random.nextDouble() < 0.5 && code.length() == 4 && !phrase.contains("至");
        return region.shortName() + (withBrand ? names.brand(random) : "") + phrase;
    }

    /** Replaces {a,b,c} with one of the choices, {town} with an invented town and {brand} with a trade name. */
    private static String fill(String template, SplittableRandom random, Names names) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch != '{') {
                sb.append(ch);
                i++;
                continue;
            }
            int end = template.indexOf('}', i);
            String inside = template.substring(i + 1, end);
            if (inside.equals("town")) {
                sb.append(names.town(random));
            } else if (inside.equals("brand")) {
                sb.append(names.brand(random));
            } else {
                String[] choices = inside.split(",");
                sb.append(choices[random.nextInt(choices.length)]);
            }
            i = end + 1;
        }
        return sb.toString();
    }
}
