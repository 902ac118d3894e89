package cn.hulian.bench.generate;

/**
 * Where a generated patient lives (a GB/T 2260 county-level division) and is insured (参保地). Most live in Chengdu,
 * where the internet hospital is, and settle claims locally; the rest live and are insured in Beijing or Chongqing
 * and settle off-site (异地就医), with a cross-region filing.
 */
enum Residence {

	JINJIANG("510104", "锦江区", "成都市", InsuredRegion.CHENGDU),
	QINGYANG("510105", "青羊区", "成都市", InsuredRegion.CHENGDU),
	JINNIU("510106", "金牛区", "成都市", InsuredRegion.CHENGDU),
	WUHOU("510107", "武侯区", "成都市", InsuredRegion.CHENGDU),
	CHENGHUA("510108", "成华区", "成都市", InsuredRegion.CHENGDU),
	CHAOYANG("110105", "朝阳区", "北京市", InsuredRegion.BEIJING),
	HAIDIAN("110108", "海淀区", "北京市", InsuredRegion.BEIJING),
	YUZHONG("500103", "渝中区", "重庆市", InsuredRegion.CHONGQING),
	JIANGBEI("500105", "江北区", "重庆市", InsuredRegion.CHONGQING);

	final String division;
	final String district;
	final String city;
	final InsuredRegion insuredRegion;

	Residence(String division, String district, String city, InsuredRegion insuredRegion) {
		this.division = division;
		this.district = district;
		this.city = city;
		this.insuredRegion = insuredRegion;
	}

	/** An insured region (参保地) and the healthcare-security bureau that pays there. */
	enum InsuredRegion {

		CHENGDU("510100", "成都市", "bench-chengdu-healthcare-security", "成都市医疗保障局"),
		BEIJING("110000", "北京市", "bench-beijing-healthcare-security", "北京市医疗保障局"),
		CHONGQING("500000", "重庆市", "bench-chongqing-healthcare-security", "重庆市医疗保障局");

		final String division;
		final String name;
		final String bureauId;
		final String bureauName;

		InsuredRegion(String division, String name, String bureauId, String bureauName) {
			this.division = division;
			this.name = name;
			this.bureauId = bureauId;
			this.bureauName = bureauName;
		}

		/** The internet hospital is in Chengdu: claims of patients insured elsewhere are settled off-site. */
		boolean isOffSite() {
			return this != CHENGDU;
		}
	}
}
