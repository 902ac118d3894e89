package cn.hulian.bench.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/** A generated patient's identity: a Chinese name, sex, birth date, residence, phone and resident ID card number. */
record Person(String family, String given, boolean male, LocalDate birthDate, Residence residence, String phone,
		String residentId, String ethnicityCode, String ethnicityName) {

	// The most common surnames and given-name characters; a given name has one or two of them.
	private static final String SURNAMES =
			"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
	private static final String MEN = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国峰亮成志文";
	private static final String WOMEN = "芳娜敏静丽艳娟霞秀英燕玲桂丹萍红玉兰琳雪梅婷慧莉倩颖洁佳莹";
	private static final List<String[]> MINORITIES = List.of(
			new String[] {"03", "回族"}, new String[] {"04", "藏族"}, new String[] {"07", "彝族"}, new String[] {"08", "壮族"});
	private static final LocalDate OLDEST = LocalDate.of(1941, 1, 1);
	private static final int BIRTH_DAYS = 50 * 365;

	/** A person drawn from {@code random}; {@code order} (0 to 498) keeps resident ID numbers apart. */
	static Person draw(Random random, int order) {
		boolean male = random.nextBoolean();
		String names = male ? MEN : WOMEN;
		String given = pick(random, names) + (random.nextInt(10) < 6 ? pick(random, names) : "");
		LocalDate birthDate = OLDEST.plusDays(random.nextInt(BIRTH_DAYS));
		Residence residence = drawResidence(random);
		String phone = "1" + "3589".charAt(random.nextInt(4)) + String.format("%09d", random.nextInt(1_000_000_000));
		String[] ethnicity = random.nextInt(10) < 9 ? new String[] {"01", "汉族"} : MINORITIES.get(random.nextInt(MINORITIES.size()));
		return new Person(pick(random, SURNAMES), given, male, birthDate, residence, phone,
				ResidentIdNumber.of(residence.division, birthDate, order, male), ethnicity[0], ethnicity[1]);
	}

	/** The same person with another order number, so another resident ID number. */
	Person withOrder(int order) {
		return new Person(family, given, male, birthDate, residence, phone,
				ResidentIdNumber.of(residence.division, birthDate, order, male), ethnicityCode, ethnicityName);
	}

	String name() {
		return family + given;
	}

	/** Seven in ten live in Chengdu, the others in Beijing or Chongqing. */
	private static Residence drawResidence(Random random) {
		Residence[] places = Residence.values();
		List<Residence> chengdu = List.of(places).stream()
				.filter(place -> place.insuredRegion == Residence.InsuredRegion.CHENGDU)
				.toList();
		List<Residence> elsewhere = List.of(places).stream()
				.filter(place -> place.insuredRegion != Residence.InsuredRegion.CHENGDU)
				.toList();
		List<Residence> from = random.nextInt(10) < 7 ? chengdu : elsewhere;
		return from.get(random.nextInt(from.size()));
	}

	private static String pick(Random random, String characters) {
		return String.valueOf(characters.charAt(random.nextInt(characters.length())));
	}
}
