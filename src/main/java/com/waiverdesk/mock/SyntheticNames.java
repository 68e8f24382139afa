package com.waiverdesk.mock;

import java.util.Random;

/**
 * Made-up names for the synthetic registry: common surnames with common given-name characters, ethnic-minority
 * names with a middle dot, and Latin names of foreign residents. Combined at random, so they name no one in
 * particular.
 */
final class SyntheticNames {
    private static final String[] SURNAMES = split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 "
            + "韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 方 "
            + "白 邹 孟 熊 秦 邱 江 尹 薛 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 戴 莫 孔 汤 欧阳 司徒 上官");
    private static final String[] MALE = split("伟 强 磊 军 勇 杰 涛 明 超 斌 鹏 辉 华 建 国 平 刚 峰 林 波 志 文 宇 浩 俊 东 "
            + "海 亮 龙 晨 阳 飞 德 新 荣 根 福 生 昌 永 振 家 启 成 良 顺 立 春 晓");
    private static final String[] FEMALE = split("芳 娟 敏 静 丽 艳 娜 秀 英 霞 燕 玲 桂 兰 萍 红 梅 琳 洁 婷 雪 慧 颖 佳 倩 琴 "
            + "云 凤 珍 莉 月 娥 淑 雯 欣 怡 晶 玉 春 晓 小");
    private static final String[] MINORITY_MALE = split("艾力 买买提 阿不都 吐尔逊 艾合买提 努尔兰 阿迪力 肉孜 塔依尔 亚森");
    private static final String[] MINORITY_FEMALE = split("阿依古丽 古丽娜尔 热依拉 帕提古丽 迪丽努尔 阿依努尔 米热古丽 "
            + "祖丽皮耶");
    private static final String[] MINORITY_FATHER = split("买买提 艾力 吐尔逊 阿不都拉 依明 肉孜 亚森 塔依尔 托合提 司马义");
    private static final String[] LATIN_MALE = split("John David Lukas Pierre Carlos Ahmed Daniel Thomas Marco Kenji "
            + "Ivan Jean Minh");
    private static final String[] LATIN_FEMALE = split("Maria Anna Sophie Elena Laura Julia Emma Chloe Sarah Hannah "
            + "Yuki Ines Lan");
    private static final String[] LATIN_SURNAMES = split("Garcia Lopez Smith Muller Martin Rossi Tanaka Kim Nguyen "
            + "Silva Schmidt Dubois Petrova Johnson Brown Fernandez Santos Park Novak Jensen");

    private SyntheticNames() {
    }

    static String chinese(Random random, boolean male) {
        String[] pool = male ? MALE : FEMALE;
        String given = pick(random, pool);
        if (random.nextInt(100) < 65) {
            given += pick(random, pool);
        }
        return pick(random, SURNAMES) + given;
    }

    /** A Uyghur-style name in Chinese characters: given name, middle dot (U+00B7), father's name. */
    static String minority(Random random, boolean male) {
        return pick(random, male ? MINORITY_MALE : MINORITY_FEMALE) + "\u00B7" + pick(random, MINORITY_FATHER);
    }

    /** A foreign resident's name in Latin letters, sometimes with two surnames. */
    static String latin(Random random, boolean male) {
        String name = pick(random, male ? LATIN_MALE : LATIN_FEMALE) + " " + pick(random, LATIN_SURNAMES);
        if (random.nextInt(100) < 30) {
            name += " " + pick(random, LATIN_SURNAMES);
        }
        return name;
    }

    private static String pick(Random random, String[] pool) {
        return pool[random.nextInt(pool.length)];
    }

    private static String[] split(String words) {
        return words.split(" ");
    }
}
